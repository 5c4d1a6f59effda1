using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the options offset is masked to [0, 127] before each use, so each opt is a bounded new origin checked on itself.
public static unsafe partial class TlvOptionsMaskedOffset
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        byte* tcp = ctx.Data + 34;
        int off = 20;
        for (int i = 0; i < 8; i++)
        {
            off &= 0x7f;
            byte* opt = tcp + off;
            if (opt + 2 > end) break;
            if (opt[0] == 0) break;
            if (opt[0] == 2) return XdpAction.Drop;
            off += (opt[1] & 0x3f) + 1;
        }
        return XdpAction.Pass;
    }
}
