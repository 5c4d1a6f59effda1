namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>A dispatcher that tail-calls the program in slot Arg(0) of <see cref="Jumps"/>; the host fills the slots.</summary>
public static partial class TailCallPrograms
{
    /// <summary>What the dispatcher returns when the slot is empty: the tail call fell through.</summary>
    public const int FellThrough = -1;

    public static readonly ProgramArray Jumps = new(4);

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Dispatch(RawTracepointContext ctx)
    {
        Jumps.TailCall(ctx, (uint)ctx.Arg(0));
        return FellThrough;
    }

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Double(RawTracepointContext ctx) => (int)ctx.Arg(1) * 2;

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Negate(RawTracepointContext ctx) => -(int)ctx.Arg(1);
}
