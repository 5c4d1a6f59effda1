using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; data moved by a constant keeps its origin and what was proven.
public static unsafe partial class ReassignedStart
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 14 > ctx.DataEnd) return XdpAction.Drop;
        data += 14;
        if (data + 1 > ctx.DataEnd) return XdpAction.Drop;
        return data[0] == 0x45 ? XdpAction.Pass : XdpAction.Drop;
    }
}
