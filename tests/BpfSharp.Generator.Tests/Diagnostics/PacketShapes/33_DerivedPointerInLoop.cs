using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; p = data + i * 2 is checked before it is read, in terms of the counter.
public static unsafe partial class DerivedPointerInLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        uint sum = 0;
        for (int i = 0; i < 8; i++)
        {
            byte* p = data + i * 2;
            if (p + 2 > ctx.DataEnd) break;
            sum += *(ushort*)p;
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
