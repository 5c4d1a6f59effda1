using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=20 size=1
public static unsafe partial class SecondPointerFromHelper
{
    private static byte* Skip(byte* p, int n) => p + n;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        var eth = Skip(data, 14);
        var ip = Skip(data, 20);
        if (eth + 1 > ctx.DataEnd) return XdpAction.Drop;
        return /*!BPF0201*/*ip == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
