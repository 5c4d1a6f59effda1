using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=20 size=1
public static unsafe partial class HelperCheckTooShort
{
    private static bool Fits(byte* p, int n, byte* end) => p + n <= end;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (!Fits(data, 14, ctx.DataEnd)) return XdpAction.Drop;
        return /*!BPF0201*/data[20] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
