namespace BpfSharp.Runtime.Tests.Maps;

public struct CallTotals
{
    public ulong Calls;
    public uint LastKey;
}

/// <summary>A C# program that counts its runs in a hash map and in a struct global; compiled by the generator.</summary>
public static unsafe partial class MapCounter
{
    internal static readonly HashMap<uint, ulong> Counts = new(maxEntries: 16);
    internal static readonly uint Key = 3;
    internal static CallTotals Totals;

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Count(RawTracepointContext ctx)
    {
        uint key = Key;
        ulong* value = Counts.Lookup(key);
        if (value != null)
            Bpf.AtomicAdd(value, 1);
        else
            Counts.Update(key, 1UL);
        Totals.Calls++;
        Totals.LastKey = key;
        return 0;
    }
}
