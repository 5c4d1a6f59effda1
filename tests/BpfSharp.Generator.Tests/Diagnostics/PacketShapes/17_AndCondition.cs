using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; && with the check first: the read is on its true edge.
public static unsafe partial class AndCondition
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) <= ctx.DataEnd && eth->Proto == 0x0608)
            return XdpAction.Drop;
        return XdpAction.Pass;
    }
}
