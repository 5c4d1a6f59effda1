using BpfSharp;

namespace BpfSharp.Samples;

/// <summary>
/// execve as BCC's execsnoop shows it. The arguments can only be read on entry, while the caller's memory is still
/// mapped; the new program's name only once the exec succeeded. So each exec writes two records, joined by the host
/// on the calling thread's id.
/// </summary>
public static unsafe partial class ExecTracer
{
    /// <summary>Only execs by this uid are reported; uint.MaxValue reports all. Set by the host before load.</summary>
    internal static readonly uint TargetUid = uint.MaxValue;

    internal static readonly RingBuffer Events = new(size: 256 * 1024);

    /// <summary>Parent tgid by child pid, learned at fork: the tracepoints cannot read task->real_parent.</summary>
    internal static readonly LruHashMap<int, int> Parents = new(maxEntries: 8192);

    [BpfProgram, Tracepoint("sched", "sched_process_fork")]
    public static int OnFork(TracepointContext<SchedProcessFork> ctx)
    {
        int child = ctx.Fields.ChildPid;
        int parent = (int)(Bpf.GetCurrentPidTgid() >> 32);
        Parents.Update(child, parent);
        return 0;
    }

    [BpfProgram, Tracepoint("syscalls", "sys_enter_execve")]
    public static int OnExecve(TracepointContext<SysEnterExecve> ctx)
    {
        uint uid = (uint)Bpf.GetCurrentUidGid();
        if (TargetUid != uint.MaxValue && uid != TargetUid)
            return 0;
        ExecArguments* e = Events.Reserve<ExecArguments>();
        if (e == null)
            return 0;
        ulong pidTgid = Bpf.GetCurrentPidTgid();
        e->Kind = ExecRecordKind.Arguments;
        e->Tid = (int)(uint)pidTgid;
        e->Pid = (int)(pidTgid >> 32);
        int pid = e->Pid;
        int* parent = Parents.Lookup(pid);
        e->Ppid = parent != null ? *parent : 0;
        e->Uid = uid;

        byte* args = e->Args;
        Bpf.ProbeReadUserStr(args, ExecArguments.ArgSize, (void*)ctx.Fields.Filename);
        ulong* argv = (ulong*)ctx.Fields.Argv;
        int count = 1;
        for (int i = 1; i < ExecArguments.MaxArgs; i++)
        {
            ulong arg = 0;
            if (Bpf.ProbeReadUser(&arg, 8, argv + i) != 0 || arg == 0)
                break;
            Bpf.ProbeReadUserStr(args + i * ExecArguments.ArgSize, ExecArguments.ArgSize, (void*)arg);
            count++;
        }
        e->ArgCount = count;
        Events.Submit(e);
        return 0;
    }

    [BpfProgram, Tracepoint("sched", "sched_process_exec")]
    public static int OnExec(TracepointContext<SchedProcessExec> ctx)
    {
        uint uid = (uint)Bpf.GetCurrentUidGid();
        if (TargetUid != uint.MaxValue && uid != TargetUid)
            return 0;
        ExecDone* done = Events.Reserve<ExecDone>();
        if (done == null)
            return 0;
        done->Kind = ExecRecordKind.Done;
        done->OldTid = ctx.Fields.OldPid;
        done->Pid = ctx.Fields.Pid;
        done->Reserved = 0;
        Bpf.GetCurrentComm(&done->Comm, 16);
        Events.Submit(done);
        return 0;
    }
}
