using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; a counter stepping by 4: each check data + i + 4 guards the word at data + i.
public static unsafe partial class StrideLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        uint sum = 0;
        for (int i = 0; i < 20; i += 4)
        {
            if (data + i + 4 > ctx.DataEnd) break;
            sum += *(uint*)(data + i);
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
