namespace BpfSharp.Runtime.Tests.Packaging;

/// <summary>The program the package test writes into its new console project, and the lines it must print.</summary>
internal static class ConsumerProgram
{
    public const string Bpf = """
        using BpfSharp;

        namespace Consumer;

        public static partial class Answer
        {
            [BpfProgram, RawTracepoint("sys_enter")]
            public static int SumToTen(RawTracepointContext ctx)
            {
                int sum = 0;
                for (int i = 1; i <= 10; i++)
                    sum += i;
                return sum;
            }
        }
        """;

    public const string Host = """
        using BpfSharp.Runtime;
        using Consumer;

        using var answer = Answer.Load();
        var run = answer.SumToTen.TestRun(new TestRunOptions { Context = new byte[8] });
        Console.WriteLine($"kernel: {run.ReturnValue}");
        Console.WriteLine($"clr: {Answer.SumToTen(default)}");
        """;

    public const string ExpectedKernelLine = "kernel: 55";
    public const string ExpectedClrLine = "clr: 55";
}
