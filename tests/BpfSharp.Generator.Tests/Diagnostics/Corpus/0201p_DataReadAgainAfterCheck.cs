using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=12 size=2
// A helper call between the two reads keeps the compiler from reusing the first one (which the verifier would
// accept); the analysis does not count on that reuse.
public static unsafe partial class DataReadAgainAfterCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        if (ctx.Data + 14 > ctx.DataEnd) return XdpAction.Drop;
        Bpf.KtimeGetNs();
        var eth = (EthHdr*)ctx.Data;
        return /*!BPF0201*/eth->Proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
