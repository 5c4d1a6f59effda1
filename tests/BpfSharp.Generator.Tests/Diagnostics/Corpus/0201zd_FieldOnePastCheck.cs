using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=30 size=4
public static unsafe partial class FieldOnePastCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        var ip = (Ip4Hdr*)(data + 14);
        if (data + 33 > ctx.DataEnd) return XdpAction.Drop;
        return /*!BPF0201*/ip->Daddr == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
