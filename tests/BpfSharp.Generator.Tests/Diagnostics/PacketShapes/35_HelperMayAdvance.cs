using BpfSharp;
using BpfSharp.Testing;
using System.Runtime.CompilerServices;

// verifier: accepts; the helper returns p or p + 4; the caller checks what it got.
public static unsafe partial class HelperMayAdvance
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* Next(byte* p, byte* end)
    {
        if (p + 4 > end) return p;
        return p + 4;
    }

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var q = Next(ctx.Data, ctx.DataEnd);
        if (q + 1 > ctx.DataEnd) return XdpAction.Drop;
        return *q == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
