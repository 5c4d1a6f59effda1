namespace BpfSharp.Runtime.Tests.Objects;

public struct Tally
{
    public ulong Count;
    public uint Last;
    public uint Padding;
}

/// <summary>
/// Globals in all three sections for the mmap tests: a .rodata limit the host sets before load, a .data factor the
/// host changes while the program runs, and .bss counters (a scalar and a struct) the program keeps.
/// </summary>
public static partial class MappedGlobals
{
    internal static readonly uint Limit = 7;
    internal static uint Factor = 3;
    internal static ulong Hits;
    internal static ulong Product;
    internal static Tally Seen;

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        Hits++;
        Product = Hits * Factor;
        Seen.Count++;
        Seen.Last = Factor;
        return (int)(Factor + Limit);
    }
}
