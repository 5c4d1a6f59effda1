using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; data + 14 < end proves 15 bytes (the right-open range).
public static unsafe partial class StrictLess
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 14 < ctx.DataEnd)
            return data[14] == 0x45 ? XdpAction.Pass : XdpAction.Drop;
        return XdpAction.Drop;
    }
}
