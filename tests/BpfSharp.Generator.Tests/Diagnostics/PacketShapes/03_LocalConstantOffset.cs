using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; off is a local constant: data + off + 1 is a fixed offset.
public static unsafe partial class LocalConstantOffset
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        const int EthLen = 14;
        int off = EthLen + 9;
        byte* data = ctx.Data;
        if (data + off + 1 > ctx.DataEnd) return XdpAction.Pass;
        return data[off] == 17 ? XdpAction.Drop : XdpAction.Pass;
    }
}
