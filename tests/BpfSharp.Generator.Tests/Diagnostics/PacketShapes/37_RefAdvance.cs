using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; a ref parameter moved by a constant in the callee.
public static unsafe partial class RefAdvance
{
    private static void Advance(ref byte* p) => p += 4;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 8 > ctx.DataEnd) return XdpAction.Drop;
        byte* p = data;
        Advance(ref p);
        return *p == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
