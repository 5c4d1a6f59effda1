namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>Runs a raw tracepoint program with the given arguments, in the kernel (BPF_PROG_TEST_RUN) or in the CLR.</summary>
internal static unsafe class RawTracepointRun
{
    public static int Kernel(BpfProgram program, params ulong[] args)
    {
        var context = new byte[Math.Max(args.Length, 1) * 8];
        for (int i = 0; i < args.Length; i++)
            BitConverter.TryWriteBytes(context.AsSpan(i * 8), args[i]);
        return (int)program.TestRun(new TestRunOptions { Context = context }).ReturnValue;
    }

    /// <summary>Under <see cref="BpfClr.Run{TContext}"/>, so tail calls behave as in the kernel.</summary>
    public static int Clr(Func<RawTracepointContext, int> program, params ulong[] args)
    {
        var copy = new ulong[Math.Max(args.Length, 1)];
        args.CopyTo(copy, 0);
        fixed (ulong* p = copy)
            return BpfClr.Run(program, new RawTracepointContext(p));
    }
}
