using System;

namespace BpfSharp.Runtime;

/// <summary>
/// XDP attached the pre-link way, through RTM_SETLINK with IFLA_XDP. Detaching names the program it expects to
/// find, so it never removes a program someone else attached in the meantime.
/// </summary>
internal sealed class XdpNetlink : IDisposable
{
    private const ushort IFLA_XDP = 43;
    private const ushort IFLA_XDP_FD = 1;
    private const ushort IFLA_XDP_FLAGS = 3;
    private const ushort IFLA_XDP_EXPECTED_FD = 8;
    private const uint XDP_FLAGS_REPLACE = 16;

    private readonly BpfFd _program;
    private readonly int _ifindex;
    private readonly XdpFlags _flags;
    private bool _attached;

    private XdpNetlink(BpfFd program, int ifindex, XdpFlags flags)
    {
        _program = program;
        _ifindex = ifindex;
        _flags = flags;
    }

    public static BpfLink Attach(BpfFd program, int ifindex, XdpFlags flags, string description)
    {
        var attachment = new XdpNetlink(program, ifindex, flags);
        bool added = false;
        program.DangerousAddRef(ref added);
        try
        {
            int result = Set(ifindex, program.Value, (uint)flags, expectedFd: null);
            if (result < 0)
                throw Failure(-result, $"attaching XDP to interface {ifindex} through netlink");
            attachment._attached = true;
            return new BpfLink(attachment, description);
        }
        finally
        {
            if (!attachment._attached)
                program.DangerousRelease();
        }
    }

    public void Dispose()
    {
        if (!_attached)
            return;
        _attached = false;
        // Mode flags must match the attachment; UpdateIfNoExist would make the removal itself fail.
        uint flags = (uint)(_flags & ~XdpFlags.UpdateIfNoExist) | XDP_FLAGS_REPLACE;
        Set(_ifindex, -1, flags, expectedFd: _program.Value);
        _program.DangerousRelease();
    }

    private static int Set(int ifindex, int fd, uint flags, int? expectedFd)
    {
        var request = new RouteNetlink(RouteNetlink.RTM_SETLINK, RouteNetlink.InterfaceHeader(ifindex))
            .BeginNested(IFLA_XDP)
            .AddInt32(IFLA_XDP_FD, fd);
        if (flags != 0)
            request.AddInt32(IFLA_XDP_FLAGS, (int)flags);
        if (expectedFd is { } expected)
            request.AddInt32(IFLA_XDP_EXPECTED_FD, expected);
        return request.EndNested().Send();
    }

    private static BpfException Failure(int errno, string what) => errno switch
    {
        Errno.EPERM => new BpfPermissionException("RTM_SETLINK", errno, Privileges.DescribeDenied()),
        _ => new BpfException("RTM_SETLINK", errno, what + "."),
    };
}
