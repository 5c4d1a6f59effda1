namespace BpfSharp.Runtime.Interop;

/// <summary>BPF_OBJ_GET_INFO_BY_FD: the kernel fills as much of <typeparamref name="T"/> as both sides know about.</summary>
internal static unsafe class ObjectInfo
{
    public static T Get<T>(BpfFd fd)
        where T : unmanaged
    {
        T info = default;
        using var lease = fd.Lease();
        var attr = new ObjGetInfoAttr { BpfFd = lease.Unsigned, InfoLen = (uint)sizeof(T), Info = (ulong)&info };
        BpfSyscall.Invoke(BpfCommand.ObjGetInfoByFd, ref attr);
        return info;
    }
}
