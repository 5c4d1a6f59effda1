using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// Just enough rtnetlink to send one request and read its acknowledgement: used where the kernel has no BPF link
/// for a hook (XDP before Linux 5.9). Messages are built in host byte order, as netlink expects.
/// </summary>
internal sealed class RouteNetlink
{
    public const ushort RTM_SETLINK = 19;
    private const ushort NLM_F_REQUEST = 1;
    private const ushort NLM_F_ACK = 4;
    private const ushort NLMSG_ERROR = 2;
    public const ushort NLA_F_NESTED = 0x8000;

    private readonly List<byte> _message = new();
    private readonly Stack<int> _nests = new();

    /// <summary>Starts a request of <paramref name="type"/> followed by <paramref name="header"/> (e.g. an ifinfomsg).</summary>
    public RouteNetlink(ushort type, ReadOnlySpan<byte> header)
    {
        Span<byte> h = stackalloc byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], NLM_F_REQUEST | NLM_F_ACK);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], 1);
        _message.AddRange(h.ToArray());
        _message.AddRange(header.ToArray());
        Pad();
    }

    /// <summary>An ifinfomsg for interface <paramref name="ifindex"/>.</summary>
    public static byte[] InterfaceHeader(int ifindex)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), ifindex);
        return header;
    }

    public RouteNetlink BeginNested(ushort type)
    {
        _nests.Push(_message.Count);
        AddHeader(type | NLA_F_NESTED, 0);
        return this;
    }

    public RouteNetlink EndNested()
    {
        int start = _nests.Pop();
        ushort length = (ushort)(_message.Count - start);
        _message[start] = (byte)length;
        _message[start + 1] = (byte)(length >> 8);
        return this;
    }

    public RouteNetlink AddInt32(ushort type, int value)
    {
        AddHeader(type, 4);
        Span<byte> v = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(v, value);
        _message.AddRange(v.ToArray());
        return this;
    }

    /// <summary>Sends the request and waits for the kernel's answer; returns 0 or the negative errno it reported.</summary>
    public unsafe int Send()
    {
        var message = _message.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(message, (uint)message.Length);
        int fd = Libc.Socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_ROUTE);
        if (fd < 0)
            return -Marshal.GetLastPInvokeError();
        using var socket = new BpfFd(fd);
        fixed (byte* p = message)
        {
            if (Libc.Send(fd, p, (nuint)message.Length, 0) < 0)
                return -Marshal.GetLastPInvokeError();
        }

        var reply = new byte[8192];
        while (true)
        {
            nint received;
            fixed (byte* p = reply)
                received = Libc.Recv(fd, p, (nuint)reply.Length, 0);
            if (received < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.EINTR)
                    continue;
                return -errno;
            }
            for (int offset = 0; offset + 16 <= received;)
            {
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(reply.AsSpan(offset));
                ushort type = BinaryPrimitives.ReadUInt16LittleEndian(reply.AsSpan(offset + 4));
                if (type == NLMSG_ERROR)
                    return BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(offset + 16));
                if (length < 16)
                    break;
                offset += (int)((length + 3) & ~3u);
            }
        }
    }

    private void AddHeader(int type, int payload)
    {
        Span<byte> a = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(a, (ushort)(4 + payload));
        BinaryPrimitives.WriteUInt16LittleEndian(a[2..], (ushort)type);
        _message.AddRange(a.ToArray());
    }

    private void Pad()
    {
        while (_message.Count % 4 != 0)
            _message.Add(0);
    }
}
