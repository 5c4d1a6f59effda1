using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; writes are checked like reads.
public static unsafe partial class WriteAfterCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > ctx.DataEnd) return XdpAction.Drop;
        for (int i = 0; i < 6; i++)
        {
            byte t = eth->Destination[i];
            eth->Destination[i] = eth->Source[i];
            eth->Source[i] = t;
        }
        return XdpAction.Tx;
    }
}
