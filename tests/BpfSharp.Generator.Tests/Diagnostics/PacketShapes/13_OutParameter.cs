using BpfSharp;
using BpfSharp.Testing;
using System.Runtime.CompilerServices;

// verifier: accepts; an out parameter set and checked in the callee.
public static unsafe partial class OutParameter
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryIpv4(byte* data, byte* end, out Ip4Hdr* ip)
    {
        ip = (Ip4Hdr*)(data + 14);
        return (byte*)(ip + 1) <= end;
    }

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        if (!TryIpv4(ctx.Data, ctx.DataEnd, out var ip)) return XdpAction.Pass;
        return ip->Ttl <= 1 ? XdpAction.Drop : XdpAction.Pass;
    }
}
