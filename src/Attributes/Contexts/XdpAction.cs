namespace BpfSharp;

/// <summary>What an XDP program decides for a packet: <c>enum xdp_action</c>.</summary>
public enum XdpAction
{
    /// <summary>Drop and raise the xdp_exception tracepoint: a program error.</summary>
    Aborted = 0,
    Drop = 1,
    /// <summary>Hand the packet on to the network stack.</summary>
    Pass = 2,
    /// <summary>Send it back out of the interface it arrived on.</summary>
    Tx = 3,
    /// <summary>Send it where <see cref="Bpf.XdpRedirect(uint, ulong)"/> said.</summary>
    Redirect = 4,
}
