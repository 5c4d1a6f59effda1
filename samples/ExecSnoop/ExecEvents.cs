namespace BpfSharp.Samples;

/// <summary>Which record a ring buffer entry is: every record starts with this.</summary>
public enum ExecRecordKind
{
    Arguments = 1,
    Done = 2,
}

/// <summary>
/// Written on execve entry, in the calling process: who called it and with what. Slot 0 holds the filename,
/// slots 1.. argv[1..].
/// </summary>
public unsafe struct ExecArguments
{
    public const int MaxArgs = 16;
    public const int ArgSize = 128;

    public ExecRecordKind Kind;
    public int Tid;
    public int Pid;
    public int Ppid;
    public uint Uid;
    public int ArgCount;
    public fixed byte Args[MaxArgs * ArgSize];
}

/// <summary>Written when an exec succeeded, in the new program: its name. Failed execs never write one.</summary>
public unsafe struct ExecDone
{
    public ExecRecordKind Kind;
    public int OldTid;
    public int Pid;
    public int Reserved;
    public TaskName Comm;
}

/// <summary>A task's comm, NUL-padded.</summary>
public unsafe struct TaskName
{
    public fixed byte Bytes[16];
}
