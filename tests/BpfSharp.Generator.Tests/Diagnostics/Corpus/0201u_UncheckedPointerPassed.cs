using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=0 size=1
// verifier stops at: private static byte First(byte* p) => *p;
public static unsafe partial class UncheckedPointerPassed
{
    private static byte First(byte* p) => *p;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        return /*!BPF0201*/First(data) == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
