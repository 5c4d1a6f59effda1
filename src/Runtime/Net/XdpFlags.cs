using System;

namespace BpfSharp.Runtime;

/// <summary>How an XDP program is attached (<c>XDP_FLAGS_*</c>); with no mode the kernel picks native if the driver has it, else generic.</summary>
[Flags]
public enum XdpFlags : uint
{
    None = 0,
    /// <summary>Fail rather than replace a program already attached (netlink attachment only; links never replace).</summary>
    UpdateIfNoExist = 1,
    /// <summary>Generic XDP, after the skb is built: works on every interface.</summary>
    SkbMode = 2,
    /// <summary>Native XDP in the driver.</summary>
    DriverMode = 4,
    /// <summary>Offloaded to the NIC.</summary>
    HardwareMode = 8,
}
