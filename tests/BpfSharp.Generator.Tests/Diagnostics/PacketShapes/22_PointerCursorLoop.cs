using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; a cursor checked before each byte, advanced by one.
public static unsafe partial class PointerCursorLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* p = ctx.Data;
        byte* end = ctx.DataEnd;
        uint sum = 0;
        for (int i = 0; i < 8; i++)
        {
            if (p + 1 > end) break;
            sum += *p;
            p++;
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
