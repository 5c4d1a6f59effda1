namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>Records the kernel stack the program runs on and returns its id (negative: the helper's errno).</summary>
public static partial class StackIdPrograms
{
    public static readonly StackTraceMap Stacks = new(64, depth: 32);

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Capture(RawTracepointContext ctx) => (int)Stacks.GetStackId(ctx);
}
