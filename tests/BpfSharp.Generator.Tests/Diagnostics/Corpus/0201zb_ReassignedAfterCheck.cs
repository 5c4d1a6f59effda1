using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=0 size=1
// A helper call between the two reads keeps the compiler from reusing the first one (which the verifier would
// accept); the analysis does not count on that reuse.
public static unsafe partial class ReassignedAfterCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* q = ctx.Data;
        if (q + 14 > ctx.DataEnd) return XdpAction.Drop;
        Bpf.KtimeGetNs();
        q = ctx.Data;
        return /*!BPF0201*/q[0] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
