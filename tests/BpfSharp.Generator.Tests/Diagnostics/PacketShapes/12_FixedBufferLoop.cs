using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; a fixed buffer indexed by a loop counter inside the checked header.
public static unsafe partial class FixedBufferLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > ctx.DataEnd) return XdpAction.Drop;
        int broadcast = 0;
        for (int i = 0; i < 6; i++)
            broadcast += eth->Destination[i] == 0xff ? 1 : 0;
        return broadcast == 6 ? XdpAction.Drop : XdpAction.Pass;
    }
}
