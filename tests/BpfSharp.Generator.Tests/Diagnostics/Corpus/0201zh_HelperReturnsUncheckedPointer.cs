using BpfSharp;
using BpfSharp.Testing;
using System.Runtime.CompilerServices;

// verifier: invalid access to packet, off=0 size=1
public static unsafe partial class HelperReturnsUncheckedPointer
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
        return /*!BPF0201*/*q == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
