using System.Buffers.Binary;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>The CLR twins of the packet helpers, checked against independently computed results.</summary>
public sealed unsafe class PacketHelperClrTests
{
    [Fact]
    public void Rewriting_the_destination_and_updating_the_checksum_incrementally_gives_the_full_checksum()
    {
        var frame = Packets.Udp(53);
        int ip = Packets.EthernetLength;
        fixed (byte* p = frame)
        {
            var skb = SkBuff.FromEthernet(p, frame.Length);
            var ctx = new SkbContext(&skb);
            uint oldAddress = *(uint*)(p + ip + 16);
            uint newAddress = 0x0a0a0a0a; // 10.10.10.10
            Assert.Equal(0, Bpf.SkbStoreBytes(ctx, (uint)(ip + 16), &newAddress, 4, 0));
            Assert.Equal(0, Bpf.L3CsumReplace(ctx, (uint)(ip + 10), oldAddress, newAddress, 4));
        }

        var header = frame.AsSpan(ip, 20).ToArray();
        ushort incremental = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(10));
        header[10] = header[11] = 0;
        Assert.Equal(Packets.Checksum(header), incremental);
        Assert.Equal(new byte[] { 10, 10, 10, 10 }, frame[(ip + 16)..(ip + 20)]);
    }

    [Fact]
    public void A_zero_udp_checksum_stays_zero_with_mark_mangled_0()
    {
        var frame = Packets.Udp(53);
        fixed (byte* p = frame)
        {
            var skb = SkBuff.FromEthernet(p, frame.Length);
            Assert.Equal(0, Bpf.L4CsumReplace(new SkbContext(&skb), 40, 1, 2, 0x20 | 2));
        }
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(40)));
    }

    [Fact]
    public void Loads_past_the_end_give_zero_and_fail_like_the_kernel()
    {
        var frame = Packets.Udp(NetPrograms.DroppedPort);
        fixed (byte* p = frame)
        {
            var buffer = new XdpBuffer(p, frame.Length);
            var ctx = new XdpContext(&buffer);
            Assert.Equal(0x0800, ctx.LoadUInt16BigEndian(12));
            Assert.Equal(0, ctx.LoadUInt16BigEndian(frame.Length - 1));
            ulong target = ulong.MaxValue;
            Assert.True(Bpf.XdpLoadBytes(ctx, (uint)frame.Length - 4, &target, 8) < 0);
            Assert.Equal(0UL, target);
        }
    }

    [Fact]
    public void Adjusting_the_head_moves_what_every_copy_of_the_context_sees()
    {
        var packet = Packets.Udp(53);
        var storage = new byte[64 + packet.Length];
        packet.CopyTo(storage, 64);
        fixed (byte* p = storage)
        {
            var buffer = new XdpBuffer(p + 64, packet.Length, headroom: 64);
            var ctx = new XdpContext(&buffer);
            var copy = ctx;
            Assert.Equal(0, Bpf.XdpAdjustHead(ctx, -20));
            Assert.Equal(packet.Length + 20, (int)(copy.DataEnd - copy.Data));
            Assert.True(Bpf.XdpAdjustHead(ctx, -100) < 0);
            Assert.Equal(0, Bpf.XdpAdjustTail(ctx, -10));
            Assert.Equal(packet.Length + 10, buffer.ToArray().Length);
        }
    }

    [Fact]
    public void Redirect_records_the_target_and_returns_the_redirect_verdict()
    {
        Assert.Equal(TcAction.Redirect, Bpf.Redirect(7, 1));
        Assert.Equal((7u, 1UL), BpfClr.LastRedirect);
        Assert.Equal(XdpAction.Redirect, Bpf.XdpRedirect(3, 0));
        Assert.Equal((3u, 0UL), BpfClr.LastRedirect);
    }
}
