using BpfSharp;
using BpfSharp.Testing;
using System.Runtime.CompilerServices;

// verifier: accepts; the returned pointer keeps the 34 bytes proven in the callee.
public static unsafe partial class PointerFromMethod
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Ip4Hdr* Ipv4Of(byte* data, byte* end)
    {
        var eth = (EthHdr*)data;
        if ((byte*)(eth + 1) > end || eth->Proto != 0x0008) return null;
        var ip = (Ip4Hdr*)(eth + 1);
        if ((byte*)(ip + 1) > end) return null;
        return ip;
    }

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var ip = Ipv4Of(ctx.Data, ctx.DataEnd);
        if (ip == null) return XdpAction.Pass;
        return ip->Ttl <= 1 ? XdpAction.Drop : XdpAction.Pass;
    }
}
