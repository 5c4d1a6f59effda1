using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=0 size=1
public static unsafe partial class MaskedIndexInCheckedRange
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 16 > ctx.DataEnd) return XdpAction.Drop;
        return /*!BPF0201*/data[data[0] & 0xf] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
