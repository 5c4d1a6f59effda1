using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=14 size=1
// A helper call between the two calls keeps the compiler from reusing the first result (which the verifier would
// accept); the analysis does not count on that reuse.
public static unsafe partial class SeparateCallsSeparateOrigins
{
    private static byte* L4(byte* ip) => ip + (ip[0] & 0xf) * 4;

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 34 > ctx.DataEnd) return XdpAction.Drop;
        var checkedOne = L4(data + 14);
        Bpf.KtimeGetNs();
        var other = L4(data + 14);
        if (checkedOne + 8 > ctx.DataEnd) return XdpAction.Drop;
        return /*!BPF0201*/*other == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
