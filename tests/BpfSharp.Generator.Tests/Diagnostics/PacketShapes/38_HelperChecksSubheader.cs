using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the helper's check on data + 14 proves the caller's data on its true return.
public static unsafe partial class HelperChecksSubheader
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
        if (!IsIpv4(data + 14, ctx.DataEnd)) return XdpAction.Pass;
        return data[33] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
