using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=33 size=1
public static unsafe partial class WrongBranchOfHelperCheck
{
    private static bool IsIpv4(byte* ip, byte* end)
    {
        if (ip + 20 > end) return false;
        return ip[0] == 0x45;
    }

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (IsIpv4(data + 14, ctx.DataEnd)) return XdpAction.Pass;
        return /*!BPF0201*/data[33] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
