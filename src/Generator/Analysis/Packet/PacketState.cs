using System.Collections.Generic;
using System.Linq;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// The packet-bounds analysis's state at a program point: what each local, parameter and compiler temporary
/// holds as a packet pointer or an integer range. A key that is absent holds neither (any integer of its type).
/// </summary>
internal sealed class PacketState
{
    public Dictionary<object, PacketPointer> Pointers { get; } = new();

    public Dictionary<object, IntRange> Ints { get; } = new();

    public PacketState Copy()
    {
        var copy = new PacketState();
        foreach (var pair in Pointers) copy.Pointers[pair.Key] = pair.Value;
        foreach (var pair in Ints) copy.Ints[pair.Key] = pair.Value;
        return copy;
    }

    public void ReplaceWith(PacketState other)
    {
        Pointers.Clear();
        Ints.Clear();
        foreach (var pair in other.Pointers) Pointers[pair.Key] = pair.Value;
        foreach (var pair in other.Ints) Ints[pair.Key] = pair.Value;
    }

    public bool Same(PacketState other) =>
        Pointers.Count == other.Pointers.Count && Ints.Count == other.Ints.Count
        && Pointers.All(p => other.Pointers.TryGetValue(p.Key, out var q) && q.Equals(p.Value))
        && Ints.All(p => other.Ints.TryGetValue(p.Key, out var q) && q == p.Value);

    public AbstractValue Get(object key)
    {
        if (Pointers.TryGetValue(key, out var pointer)) return AbstractValue.Of(pointer);
        if (Ints.TryGetValue(key, out var range)) return AbstractValue.Of(range);
        return AbstractValue.None;
    }

    /// <summary>An assignment: facts stated in terms of the key's old value follow it when it moved by a constant (<c>i++</c>) and are dropped otherwise.</summary>
    public void Set(object key, AbstractValue value)
    {
        long? step = value.Int?.Sym is { Coef: 1 } self && self.Key.Equals(key) ? self.Const : null;
        Linear? Follow(Linear? l) => l is null || !l.Key.Equals(key) ? l : step is { } d ? l.Advanced(d) : null;
        foreach (var other in Ints.Keys.ToList())
        {
            if (Ints[other].Sym is { } sym && sym.Key.Equals(key))
                Ints[other] = Ints[other] with { Sym = Follow(sym) };
        }
        Update(v => v.Sym?.Key.Equals(key) == true || v.SymRange?.Key.Equals(key) == true ? v with { Sym = Follow(v.Sym), SymRange = Follow(v.SymRange) } : v);
        if (value.Int is { Sym: { } own } range && own.Key.Equals(key))
            value = AbstractValue.Of(range with { Sym = null });
        Refine(key, value);
    }

    /// <summary>What a comparison learned of the key's value (the value itself is the same: nothing stated in its terms changes).</summary>
    public void Refine(object key, AbstractValue value)
    {
        Pointers.Remove(key);
        Ints.Remove(key);
        if (value.Pointer is { } pointer) Pointers[key] = pointer;
        else if (value.Int is { } range) Ints[key] = range;
    }

    /// <summary>What a comparison with DataEnd proves: every view from <paramref name="id"/> may read <paramref name="range"/> bytes from it (and, per path, <paramref name="symbolic"/>).</summary>
    public void Prove(object id, long range, Linear? symbolic = null) =>
        Update(v => !v.Id.Equals(id) ? v : v with { Range = System.Math.Max(v.Range, range), SymRange = symbolic ?? v.SymRange });

    /// <summary>Forgets views from <paramref name="id"/>: its origin is about to mean a new value.</summary>
    public void Retire(object id) => Update(v => v.Id.Equals(id) ? null : v);

    public void RetireWhere(System.Func<object, bool> stale) => Update(v => stale(v.Id) ? null : v);

    /// <summary>A helper that may move or resize the packet leaves no packet pointer valid (the verifier's clear_all_pkt_pointers).</summary>
    public void InvalidatePackets()
    {
        foreach (var key in Pointers.Keys.ToList())
        {
            if (Pointers[key].IsEnd) Pointers.Remove(key);
            else Pointers[key] = PacketPointer.Lost;
        }
    }

    private void Update(System.Func<PacketView, PacketView?> map)
    {
        foreach (var key in Pointers.Keys.ToList())
        {
            var pointer = Pointers[key];
            if (!pointer.IsEnd && pointer.Views.Count > 0)
                Pointers[key] = pointer.Select(map);
        }
    }

    /// <summary>
    /// The state where paths meet at <paramref name="block"/> of <paramref name="graph"/>. Integers join their
    /// ranges; a pointer that is the same on both paths keeps its views. A pointer
    /// that differs keeps, for each origin both paths share, the union of its offsets, and gains a view whose origin is its
    /// own value here (<see cref="JoinOrigin"/>) and whose range is what remains readable on both paths: that is how a
    /// cursor advanced through a loop (a VLAN tag at a time) stays provable when it is checked before each read.
    /// </summary>
    public static PacketState Join(PacketState a, PacketState b, object graph, int block)
    {
        var joined = new PacketState();
        foreach (var pair in a.Ints)
        {
            if (b.Ints.TryGetValue(pair.Key, out var other))
                joined.Ints[pair.Key] = pair.Value.Join(other);
        }

        var rebased = new HashSet<object>();
        foreach (var pair in a.Pointers)
        {
            if (b.Pointers.TryGetValue(pair.Key, out var other) && !other.Equals(pair.Value))
                rebased.Add(new JoinOrigin(graph, block, pair.Key));
        }
        PacketView? Keep(PacketView v) => rebased.Contains(v.Id) ? null : v;

        foreach (var key in a.Pointers.Keys.Union(b.Pointers.Keys))
        {
            bool inA = a.Pointers.TryGetValue(key, out var pa), inB = b.Pointers.TryGetValue(key, out var pb);
            if (!inA || !inB)
            {
                joined.Pointers[key] = (pa ?? pb)!.Select(Keep);
                continue;
            }
            if (pa!.Equals(pb))
            {
                joined.Pointers[key] = pa.Select(Keep);
                continue;
            }
            if (pa.IsEnd || pb!.IsEnd)
            {
                joined.Pointers[key] = PacketPointer.Lost;
                continue;
            }
            var views = new List<PacketView>();
            foreach (var group in pa.Views.Where(v => Keep(v) is not null).GroupBy(v => v.Id))
            {
                var others = pb.Views.Where(v => v.Id.Equals(group.Key)).ToList();
                if (others.Count == 0)
                    continue;
                var all = group.Concat(others).ToList();
                views.Add(new PacketView(group.Key, all.Min(v => v.Lo), all.Max(v => v.Hi), all.Min(v => v.Range), all.Max(v => v.VarMax))
                {
                    Sym = all.All(v => Equals(v.Sym, all[0].Sym)) ? all[0].Sym : null,
                    SymRange = all.All(v => Equals(v.SymRange, all[0].SymRange)) ? all[0].SymRange : null,
                });
            }
            long readable = System.Math.Min(pa.Readable, pb.Readable);
            views.Add(new PacketView(new JoinOrigin(graph, block, key), 0, 0, readable, VariablePart(pa, pb)));
            joined.Pointers[key] = new PacketPointer(false, views);
        }
        return joined;
    }

    /// <summary>
    /// The variable part (the verifier's umax) of a joined pointer: the largest either path has. The fixed offsets the
    /// paths add are one constant each on every path, so they are not counted, or a cursor advanced through a loop
    /// would never settle; a pointer that may already be past MAX_PACKET_OFF keeps no bound.
    /// </summary>
    private static long VariablePart(PacketPointer a, PacketPointer b)
    {
        if (a.Views.Count == 0 || b.Views.Count == 0)
            return IntRange.Infinity;
        long Farthest(PacketPointer p) => p.Views.Min(v => v.Hi + v.VarMax);
        if (Farthest(a) > PacketView.MaxPacketOffset || Farthest(b) > PacketView.MaxPacketOffset)
            return IntRange.Infinity;
        return System.Math.Max(a.Views.Min(v => v.VarMax), b.Views.Min(v => v.VarMax));
    }

    /// <summary>At a loop head that keeps changing: integer bounds that moved go to infinity, pointer offsets that moved are dropped, a variable part that grew is unbounded.</summary>
    public static PacketState Widen(PacketState previous, PacketState next)
    {
        var widened = new PacketState();
        foreach (var pair in next.Ints)
            widened.Ints[pair.Key] = previous.Ints.TryGetValue(pair.Key, out var before) ? before.Widen(pair.Value) : pair.Value;
        foreach (var pair in next.Pointers)
        {
            if (!previous.Pointers.TryGetValue(pair.Key, out var before) || before.IsEnd)
            {
                widened.Pointers[pair.Key] = pair.Value;
                continue;
            }
            widened.Pointers[pair.Key] = pair.Value.Select(v =>
                before.Views.FirstOrDefault(u => u.Id.Equals(v.Id) && u.Lo <= v.Lo && v.Hi <= u.Hi) is { Id: not null } u
                    ? v.VarMax > u.VarMax ? v with { VarMax = IntRange.Infinity } : v
                    : null);
        }
        return widened;
    }
}
