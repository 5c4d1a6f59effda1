using System;
using System.Collections.Generic;
using System.Linq;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// One way of seeing a packet pointer, after the verifier's register state for it: an origin <see cref="Id"/>
/// (the packet's start, or the point where a variable was added, whose bound is <see cref="VarMax"/>), the fixed
/// offset from that origin (a range when it is one constant per path, like a loop counter's), and the bytes from the
/// origin that a comparison with DataEnd has proven (<see cref="Range"/>). A comparison raises the range of every
/// view with the same origin, as the verifier marks every register with the same id.
/// </summary>
internal readonly record struct PacketView(object Id, long Lo, long Hi, long Range, long VarMax)
{
    /// <summary>The verifier's MAX_PACKET_OFF: beyond it, a comparison proves nothing.</summary>
    public const long MaxPacketOffset = 0xffff;

    /// <summary>The offset in terms of a loop counter, when it is exactly that on every path.</summary>
    public Linear? Sym { get; init; }

    /// <summary>What a comparison proved in terms of a loop counter: the range is at least this on every path.</summary>
    public Linear? SymRange { get; init; }

    public PacketView Shift(IntRange delta)
    {
        Linear? sym = null;
        if (delta.Sym is not null)
            sym = Sym is not null ? Sym.Plus(delta.Sym) : Lo == Hi ? delta.Sym.Plus(Lo) : null;
        else if (delta.IsConstant)
            sym = Sym?.Plus(delta.Lo);
        return this with { Lo = Lo + delta.Lo, Hi = Hi + delta.Hi, Sym = sym };
    }

    /// <summary>Bytes readable from the pointer itself on every path (negative when it may already lie past the proven range).</summary>
    public long Readable => Range - Hi;

    /// <summary>Whether [start, end) relative to the pointer lies inside the proven range, on every path.</summary>
    public bool Proves(long start, long end) =>
        Lo + start >= 0 && (Hi + end <= Range || (Sym is not null && Sym.Plus(end).AtMost(SymRange)));
}

/// <summary>The origins of views: the packet's start (shared by every read of Data, as the verifier gives them all id 0), and join points.</summary>
internal static class PacketOrigin
{
    public static readonly object Start = new StartOrigin();

    private sealed class StartOrigin
    {
        public override string ToString() => "Data";
    }
}

/// <summary>A loop-carried origin: the value <see cref="Key"/> holds on entry to block <see cref="Block"/>.</summary>
internal sealed record JoinOrigin(object Graph, int Block, object Key);

/// <summary>
/// What the analysis knows of a pointer into the packet: the end marker, or a set of views (none: a packet pointer
/// nothing is known of, e.g. after a helper moved the packet). Any view may prove an access.
/// </summary>
internal sealed class PacketPointer : IEquatable<PacketPointer>
{
    public static readonly PacketPointer End = new(true, Array.Empty<PacketView>());

    public static readonly PacketPointer Lost = new(false, Array.Empty<PacketView>());

    public PacketPointer(bool isEnd, IReadOnlyList<PacketView> views)
    {
        IsEnd = isEnd;
        Views = views;
    }

    public bool IsEnd { get; }

    public IReadOnlyList<PacketView> Views { get; }

    public static PacketPointer Of(PacketView view) => new(false, new[] { view });

    public PacketPointer Select(Func<PacketView, PacketView?> map)
    {
        if (IsEnd)
            return this;
        var views = new List<PacketView>(Views.Count);
        foreach (var view in Views)
        {
            if (map(view) is { } mapped)
                views.Add(mapped);
        }
        return new PacketPointer(false, views);
    }

    public PacketPointer Shift(IntRange delta) => Select(v => v.Shift(delta));

    public bool Proves(long start, long end) => Views.Any(v => v.Proves(start, end));

    /// <summary>The most bytes readable from the pointer that some view proves (a view that may lie before its origin proves none).</summary>
    public long Readable => Views.Where(v => v.Lo >= 0).Select(v => v.Readable).DefaultIfEmpty(0).Max() is var most && most > 0 ? most : 0;

    public bool Equals(PacketPointer? other) =>
        other is not null && IsEnd == other.IsEnd && Views.Count == other.Views.Count && !Views.Except(other.Views).Any();

    public override bool Equals(object? obj) => Equals(obj as PacketPointer);

    public override int GetHashCode() => IsEnd ? 1 : Views.Count;

    public override string ToString() => IsEnd ? "end" : "{" + string.Join(", ", Views) + "}";
}
