namespace BpfSharp.Runtime.Tests.Packaging;

/// <summary>The program the package test writes into its new console project, and the lines it must print.</summary>
internal static class ConsumerProgram
{
    public const string ClassName = "Answer";

    public const string Bpf = """
        using BpfSharp;

        namespace Consumer;

        public static partial class Answer
        {
            [BpfProgram, RawTracepoint("sys_enter")]
            public static int Multiply(RawTracepointContext ctx) => (int)(ctx.Arg(0) * ctx.Arg(1));
        }
        """;

    // Unsafe code without a project setting: the package's build files turn it on.
    public const string Host = """
        using BpfSharp;
        using BpfSharp.Runtime;
        using Consumer;

        using var answer = Answer.Load();
        var context = new byte[16];
        BitConverter.TryWriteBytes(context.AsSpan(0), 6UL);
        BitConverter.TryWriteBytes(context.AsSpan(8), 7UL);
        Console.WriteLine($"kernel: {answer.Multiply.TestRun(new TestRunOptions { Context = context }).ReturnValue}");
        unsafe
        {
            ulong* arguments = stackalloc ulong[] { 6, 7 };
            Console.WriteLine($"clr: {Answer.Multiply(new RawTracepointContext(arguments))}");
        }
        """;

    public static readonly string[] ExpectedLines = ["kernel: 42", "clr: 42"];
}
