namespace BpfSharp.Generator.Analysis;

/// <summary>What an expression is to the packet-bounds analysis: a packet pointer, an integer range, or neither.</summary>
internal readonly record struct AbstractValue(PacketPointer? Pointer, IntRange? Int)
{
    public static AbstractValue None => default;

    public static AbstractValue Of(PacketPointer pointer) => new(pointer, null);

    public static AbstractValue Of(IntRange range) => new(null, range);
}
