namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>Arg(0) == 0 adds Arg(1) to the filter, otherwise asks for it: 0 (maybe present) or -ENOENT (absent).</summary>
public static partial class BloomFilterPrograms
{
    public const uint Hashes = 3;

    public static readonly BloomFilterMap<ulong> Seen = new(1000, hashes: Hashes);

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Filter(RawTracepointContext ctx)
    {
        ulong value = ctx.Arg(1);
        return ctx.Arg(0) == 0 ? (int)Seen.Push(value) : (int)Seen.Peek(value);
    }
}
