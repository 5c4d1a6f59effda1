using BpfSharp;
using BpfSharp.Testing;
using System.Runtime.CompilerServices;

// verifier: accepts; the callee's p + n <= end proves the caller's data on the true return.
public static unsafe partial class CheckInHelper
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Fits(byte* p, int n, byte* end) => p + n <= end;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (!Fits(data, 14, ctx.DataEnd)) return XdpAction.Pass;
        return ((EthHdr*)data)->Proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
