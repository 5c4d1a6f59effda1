using System;

namespace BpfSharp;

/// <summary>
/// Marks a context method that reads <see cref="Size"/> packet bytes at a given offset. In a compiled program it
/// becomes a call of <see cref="Helper"/> (bpf_skb_load_bytes or bpf_xdp_load_bytes) into a zeroed stack buffer,
/// so a read past the packet's end gives 0, as it does in the CLR.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PacketLoadAttribute : Attribute
{
    public PacketLoadAttribute(HelperId helper, int size, bool bigEndian)
    {
        Helper = helper;
        Size = size;
        BigEndian = bigEndian;
    }

    public HelperId Helper { get; }

    public int Size { get; }

    /// <summary>Whether the bytes are read in network order (most significant first) rather than as a host integer.</summary>
    public bool BigEndian { get; }
}
