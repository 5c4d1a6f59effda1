using BpfSharp;
using BpfSharp.Testing;
using System.Runtime.CompilerServices;

// verifier: accepts; a helper returning Fits(...) && ... proves bytes on its true return.
public static unsafe partial class NestedHelpers
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Fits(byte* p, int n, byte* end) => p + n <= end;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasIpv4(byte* data, byte* end) => Fits(data, 34, end) && ((EthHdr*)data)->Proto == 0x0008;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (!HasIpv4(data, ctx.DataEnd)) return XdpAction.Pass;
        return ((Ip4Hdr*)(data + 14))->Ttl <= 1 ? XdpAction.Drop : XdpAction.Pass;
    }
}
