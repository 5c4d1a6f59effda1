using System.Runtime.CompilerServices;
using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; a helper check in a loop, in terms of the counter.
public static unsafe partial class HelperCheckInLoop
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Fits(byte* p, int n, byte* end) => p + n <= end;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        byte* end = ctx.DataEnd;
        uint sum = 0;
        for (int i = 0; i < 16; i += 2)
        {
            if (!Fits(data, i + 2, end)) break;
            sum += *(ushort*)(data + i);
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
