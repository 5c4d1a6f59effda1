namespace BpfSharp.Samples;

/// <summary>syscalls/sys_enter_execve after the common header (every syscall argument is an 8-byte field).</summary>
public struct SysEnterExecve
{
    public int SyscallNr;
    public ulong Filename;
    public ulong Argv;
    public ulong Envp;
}

/// <summary>sched/sched_process_exec after the common header; old_pid is the thread id that called execve.</summary>
public struct SchedProcessExec
{
    public uint Filename;
    public int Pid;
    public int OldPid;
}

/// <summary>sched/sched_process_fork after the common header; the comms are __data_loc offsets.</summary>
public struct SchedProcessFork
{
    public uint ParentComm;
    public int ParentPid;
    public uint ChildComm;
    public int ChildPid;
}
