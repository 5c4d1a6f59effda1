using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=0 size=1
public static unsafe partial class StrictLessAtStart
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data < ctx.DataEnd)
            return /*!BPF0201*/data[0] == 0x45 ? XdpAction.Pass : XdpAction.Drop;
        return XdpAction.Drop;
    }
}
