using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=34 size=2
public static unsafe partial class LoopBoundBeyondCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var ip = (Ip4Hdr*)(ctx.Data + 14);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        var words = (ushort*)ip;
        uint sum = 0;
        for (int i = 0; i < 11; i++)
            sum += /*!BPF0201*/words[i];
        return sum == 0xffff ? XdpAction.Pass : XdpAction.Drop;
    }
}
