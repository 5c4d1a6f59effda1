using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; a helper adds the header length; the caller checks the pointer it returns.
public static unsafe partial class HelperVariableOffset
{
    private static byte* L4(byte* ip) => ip + (ip[0] & 0xf) * 4;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 34 > ctx.DataEnd) return XdpAction.Drop;
        var l4 = L4(data + 14);
        if (l4 + 8 > ctx.DataEnd) return XdpAction.Drop;
        return l4[7] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
