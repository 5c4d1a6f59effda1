using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the true edge of eth + 1 <= end proves 14 bytes.
public static unsafe partial class PositiveForm
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var eth = (EthHdr*)ctx.Data;
        if (eth + 1 <= (EthHdr*)ctx.DataEnd)
        {
            if (eth->Proto == 0x0008) return XdpAction.Pass;
        }
        return XdpAction.Drop;
    }
}
