using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; data + i + 1 >= end false proves i + 2 bytes.
public static unsafe partial class GreaterOrEqualInLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        uint sum = 0;
        for (int i = 0; i < 8; i++)
        {
            if (data + i + 1 >= ctx.DataEnd) break;
            sum += data[i + 1];
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
