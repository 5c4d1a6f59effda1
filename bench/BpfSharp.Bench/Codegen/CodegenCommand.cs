using System.Globalization;
using System.Text;
using BpfSharp.Runtime;

namespace BpfSharp.Bench.Codegen;

/// <summary>
/// <c>codegen</c>: per program, the kernel's xlated instruction count, JITed bytes, verified instructions and
/// BPF_PROG_TEST_RUN time for the clang reference and the C# equivalent, each C#/clang ratio, and geometric means.
/// </summary>
internal static class CodegenCommand
{
    public static int Run(string[] args)
    {
        uint repeat = 100_000;
        for (int i = 0; i < args.Length; i++)
            if (args[i] == "--repeat") repeat = uint.Parse(args[++i], CultureInfo.InvariantCulture);
        Privileges.EnsureCanLoadPrograms();

        var rows = new List<(BenchProgram Program, Measurement Clang, Measurement? CSharp)>();
        using (var clang = new ClangSide())
        {
            foreach (var program in BenchPrograms.All)
            {
                var reference = clang.Measure(program, repeat);
                var ours = program.CSharpClass is null ? null : CSharpSide.Measure(program, repeat);
                if (ours is not null && ours.ReturnValue != reference.ReturnValue)
                    throw new InvalidOperationException($"{program.Name}: C# returned {ours.ReturnValue}, clang {reference.ReturnValue} on the same packet");
                rows.Add((program, reference, ours));
            }
        }
        Console.Write(Table(rows, repeat));
        return 0;
    }

    private static string Table(List<(BenchProgram Program, Measurement Clang, Measurement? CSharp)> rows, uint repeat)
    {
        var text = new StringBuilder();
        text.AppendLine($"Kernel {KernelVersion.Release}, BPF_PROG_TEST_RUN repeat {repeat} (fastest of 3). Each cell: clang / C# (C#÷clang).");
        text.AppendLine();
        text.AppendLine("| program | type | xlated insns | jited bytes | verified insns | ns/run |");
        text.AppendLine("|---|---|---|---|---|---|");
        var ratios = new List<double>[4] { new(), new(), new(), new() };
        foreach (var (program, clang, ours) in rows)
        {
            double[] c = { clang.XlatedInstructions, clang.JitedBytes, clang.VerifiedInstructions, clang.NsPerRun };
            double[]? o = ours is null ? null : new double[] { ours.XlatedInstructions, ours.JitedBytes, ours.VerifiedInstructions, ours.NsPerRun };
            text.Append($"| {program.Name} | {program.Type} |");
            for (int k = 0; k < 4; k++)
            {
                if (o is null)
                {
                    text.Append(Invariant($" {c[k]} / — |"));
                    continue;
                }
                double ratio = o[k] / c[k];
                ratios[k].Add(ratio);
                text.Append(Invariant($" {c[k]} / {o[k]} ({ratio:0.00}) |"));
            }
            text.AppendLine();
        }
        text.Append("| **geometric mean C#÷clang** | |");
        foreach (var list in ratios)
            text.Append(list.Count == 0 ? " — |" : Invariant($" {Math.Exp(list.Average(Math.Log)):0.00} ({list.Count} programs) |"));
        text.AppendLine();

        var missing = rows.Where(r => r.CSharp is null).ToList();
        if (missing.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"C# equivalents not built yet ({missing.Count} of {rows.Count}), with the features they need:");
            foreach (var (program, _, _) in missing)
                text.AppendLine($"- {program.Name}: {program.Missing}");
        }
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
