namespace BpfSharp;

public static unsafe partial class Bpf
{
    /// <summary>bpf_probe_read_user: copies <paramref name="size"/> bytes of user memory to <paramref name="destination"/>; 0 or a negative errno.</summary>
    [BpfHelper(HelperId.ProbeReadUser)]
    public static long ProbeReadUser(void* destination, uint size, void* source) => BpfClr.ProbeRead(destination, size, source);

    /// <summary>bpf_probe_read_kernel: as <see cref="ProbeReadUser"/>, for kernel memory.</summary>
    [BpfHelper(HelperId.ProbeReadKernel)]
    public static long ProbeReadKernel(void* destination, uint size, void* source) => BpfClr.ProbeRead(destination, size, source);

    /// <summary>
    /// bpf_probe_read_user_str: copies a NUL-terminated user string, at most <paramref name="size"/> bytes including
    /// the NUL it always writes; returns that length, or a negative errno.
    /// </summary>
    [BpfHelper(HelperId.ProbeReadUserStr)]
    public static long ProbeReadUserStr(void* destination, uint size, void* source) => BpfClr.ProbeReadStr(destination, size, source);

    /// <summary>bpf_probe_read_kernel_str: as <see cref="ProbeReadUserStr"/>, for kernel memory.</summary>
    [BpfHelper(HelperId.ProbeReadKernelStr)]
    public static long ProbeReadKernelStr(void* destination, uint size, void* source) => BpfClr.ProbeReadStr(destination, size, source);

    /// <summary>bpf_get_current_comm: the current task's name, NUL-padded into <paramref name="size"/> bytes (16 holds any).</summary>
    [BpfHelper(HelperId.GetCurrentComm)]
    public static long GetCurrentComm(void* destination, uint size) => BpfClr.GetCurrentComm(destination, size);


    /// <summary>bpf_get_current_uid_gid: the gid in the upper 32 bits, the uid in the lower.</summary>
    [BpfHelper(HelperId.GetCurrentUidGid)]
    public static ulong GetCurrentUidGid() => BpfClr.UidGid;
}
