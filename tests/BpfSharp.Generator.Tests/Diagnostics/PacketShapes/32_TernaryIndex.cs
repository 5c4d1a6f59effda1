using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the index is 3 on one path and 13 on the other, both inside the checked 14 bytes.
public static unsafe partial class TernaryIndex
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 14 > ctx.DataEnd) return XdpAction.Drop;
        bool first = ctx.RxQueueIndex == 0;
        return data[first ? 3 : 13] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
