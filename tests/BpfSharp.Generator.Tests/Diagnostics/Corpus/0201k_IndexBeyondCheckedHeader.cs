using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=34 size=2
public static unsafe partial class IndexBeyondCheckedHeader
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var ip = (Ip4Hdr*)(ctx.Data + 14);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        var words = (ushort*)ip;
        return /*!BPF0201*/words[10] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
