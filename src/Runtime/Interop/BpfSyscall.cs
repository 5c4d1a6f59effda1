using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Interop;

/// <summary>
/// bpf(2) itself. Every command goes through <see cref="TryInvoke{T}"/> (or <see cref="TryInvokeBrief{T}"/>), so
/// errno handling, EINTR retries and the mapping of EPERM to a permission sentence live in one place. Neither
/// allocates: the attr lives on the caller's stack and only its address crosses.
/// </summary>
internal static unsafe class BpfSyscall
{
    /// <summary>Runs <paramref name="command"/>; returns the result, or -1 with <paramref name="errno"/> set.</summary>
    public static long TryInvoke<T>(BpfCommand command, ref T attr, out int errno)
        where T : unmanaged
    {
        while (true)
        {
            long result;
            fixed (T* pointer = &attr)
                result = Libc.SyscallKeepErrno(SyscallNumbers.Bpf, (long)command, pointer, sizeof(T));
            if (result >= 0)
            {
                errno = 0;
                return result;
            }
            errno = Marshal.GetLastSystemError();
            if (errno != Errno.EINTR)
                return -1;
        }
    }

    /// <summary>
    /// <see cref="TryInvoke{T}"/> without the GC transition, for element commands on maps whose operations never
    /// sleep (<see cref="MapTypeFacts.HasBriefElementOps"/>); see <see cref="Libc.SyscallBrief"/> for why that is safe.
    /// </summary>
    public static long TryInvokeBrief<T>(BpfCommand command, ref T attr, out int errno)
        where T : unmanaged
    {
        while (true)
        {
            long result;
            fixed (T* pointer = &attr)
                result = Libc.SyscallBrief(SyscallNumbers.Bpf, (long)command, pointer, sizeof(T));
            if (result >= 0)
            {
                errno = 0;
                return result;
            }
            errno = Marshal.GetLastSystemError();
            if (errno != Errno.EINTR)
                return -1;
        }
    }

    /// <summary>Runs <paramref name="command"/> and throws the matching exception on failure.</summary>
    public static long Invoke<T>(BpfCommand command, ref T attr)
        where T : unmanaged
    {
        long result = TryInvoke(command, ref attr, out int errno);
        if (result < 0)
            throw Failure(command, errno);
        return result;
    }

    /// <summary>Runs a command that returns a new file descriptor and wraps it before anything can leak it.</summary>
    public static BpfFd InvokeForFd<T>(BpfCommand command, ref T attr)
        where T : unmanaged =>
        new((int)Invoke(command, ref attr));

    public static BpfException Failure(BpfCommand command, int errno, string? detail = null) =>
        errno == Errno.EPERM && IsPrivilegeGated(command)
            ? new BpfPermissionException(command.Name(), errno, Privileges.DescribeDenied())
            : new BpfException(command.Name(), errno, detail);

    // EPERM from commands on an existing object means something else (a frozen map, a read-only pin), not
    // missing privileges, so only object creation and attachment get the privilege sentence.
    private static bool IsPrivilegeGated(BpfCommand command) => command is
        BpfCommand.ProgLoad or BpfCommand.MapCreate or BpfCommand.BtfLoad or BpfCommand.LinkCreate
        or BpfCommand.RawTracepointOpen or BpfCommand.ProgAttach or BpfCommand.ObjPin or BpfCommand.ObjGet;
}
