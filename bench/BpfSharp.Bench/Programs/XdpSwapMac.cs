namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_swap_mac.c: swaps the source and destination MAC addresses and sends the packet back.</summary>
public static unsafe partial class XdpSwapMac
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_swap_mac(XdpContext ctx)
    {
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > ctx.DataEnd) return XdpAction.Drop;
        MacAddress destination = eth->Destination;
        eth->Destination = eth->Source;
        eth->Source = destination;
        return XdpAction.Tx;
    }
}
