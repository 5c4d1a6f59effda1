using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// What fills a frame, largest first, for BPF0007. Slots with the same origin add up: the copies of a local in
/// each inlined call of its method, or all register spills.
/// </summary>
internal static class FrameReport
{
    private static readonly SlotOrigin Unnamed = new("compiler temporaries", null, null);

    public static IReadOnlyList<(SlotOrigin Origin, int Bytes, int Slots)> Largest(IrFunction f, int count) =>
        f.Slots
            .Select((slot, index) => (Origin: slot.Origin ?? Unnamed, slot.Size, index))
            .GroupBy(s => s.Origin)
            .Select(g => (Origin: g.Key, Bytes: g.Sum(s => s.Size), Slots: g.Count(), First: g.Min(s => s.index)))
            .OrderByDescending(g => g.Bytes).ThenBy(g => g.First)
            .Take(count)
            .Select(g => (g.Origin, g.Bytes, g.Slots))
            .ToList();
}
