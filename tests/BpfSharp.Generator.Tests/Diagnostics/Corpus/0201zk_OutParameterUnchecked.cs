using BpfSharp;
using BpfSharp.Testing;
using System.Runtime.CompilerServices;

// verifier: invalid access to packet, off=100 size=1
public static unsafe partial class OutParameterUnchecked
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Payload(byte* data, out byte* payload)
    {
        payload = data + 100;
        return true;
    }

    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        if (!Payload(ctx.Data, out var payload)) return XdpAction.Drop;
        return /*!BPF0201*/*payload == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
