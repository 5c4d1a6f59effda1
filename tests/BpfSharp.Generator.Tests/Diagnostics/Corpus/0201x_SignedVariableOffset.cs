using BpfSharp;
using BpfSharp.Testing;

// verifier: min value is negative
public static unsafe partial class SignedVariableOffset
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        byte* end = ctx.DataEnd;
        if (data + 15 > end) return XdpAction.Drop;
        sbyte delta = *(sbyte*)(data + 14);
        byte* p = data + 14 + delta;
        if (p + 1 > end) return XdpAction.Drop;
        return /*!BPF0201*/*p == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
