namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>
/// Maps of maps used from C#: a lookup in the outer map gives an inner map, which the program then reads and
/// writes like a declared one. The host decides which inner map each key holds.
/// </summary>
public static unsafe partial class MapOfMapsPrograms
{
    public const int NoMap = -1, NoValue = -2;

    /// <summary>Per tenant, an array of 8 counters.</summary>
    public static readonly ArrayOfMaps<ArrayMap<ulong>> Tenants = new(maxEntries: 4, innerMaxEntries: 8);

    /// <summary>Per port, a hash of counts by source.</summary>
    public static readonly HashOfMaps<uint, HashMap<uint, ulong>> Ports = new(maxEntries: 16, innerMaxEntries: 64);

    /// <summary>Adds Arg(2) to counter Arg(1) of tenant Arg(0); returns the new count.</summary>
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int AddToTenant(RawTracepointContext ctx)
    {
        ArrayMap<ulong>? counters = Tenants.Lookup((uint)ctx.Arg(0));
        if (counters == null)
            return NoMap;
        ulong* counter = counters.Lookup((uint)ctx.Arg(1));
        if (counter == null)
            return NoValue;
        *counter += ctx.Arg(2);
        return (int)*counter;
    }

    /// <summary>Counts source Arg(1) on port Arg(0), creating its element in the inner hash; returns the new count.</summary>
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int CountOnPort(RawTracepointContext ctx)
    {
        var counts = Ports.Lookup((uint)ctx.Arg(0));
        if (counts is null)
            return NoMap;
        uint source = (uint)ctx.Arg(1);
        ulong* count = counts.Lookup(source);
        if (count != null)
        {
            Bpf.AtomicAdd(count, 1);
            return (int)*count;
        }
        counts.Update(source, 1UL, UpdateFlags.NoExist);
        return 1;
    }
}
