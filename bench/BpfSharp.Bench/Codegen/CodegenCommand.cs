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

        var rows = new List<(BenchProgram Program, Measurement Clang, Measurement CSharp)>();
        var differences = new List<string>();
        using (var clang = new ClangSide())
        {
            foreach (var program in BenchPrograms.All)
            {
                var reference = clang.Measure(program, repeat);
                var ours = CSharpSide.Measure(program, repeat);
                if (ours.ReturnValue != reference.ReturnValue)
                    differences.Add($"{program.Name}: C# returned {ours.ReturnValue}, clang {reference.ReturnValue} on the timed packet");
                // Fresh copies of both, so the timed runs' map effects do not count.
                using var clangObject = BpfObject.Load(File.ReadAllBytes(clang.Build(program)));
                using var csharpObject = BpfObject.Load(File.ReadAllBytes(program.CSharpObjectPath));
                differences.AddRange(Equivalence.Compare(program, clangObject, csharpObject));
                rows.Add((program, reference, ours));
            }
        }
        Console.Write(Table(rows, repeat));
        Console.WriteLine();
        Console.WriteLine($"Twins agree on {Packets.Corpus().Count} packets each (return value, packet, maps): {(differences.Count == 0 ? "yes" : "NO")}");
        foreach (var difference in differences)
            Console.WriteLine("  " + difference);
        return differences.Count == 0 ? 0 : 1;
    }

    private static string Table(List<(BenchProgram Program, Measurement Clang, Measurement CSharp)> rows, uint repeat)
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
            double[] o = { ours.XlatedInstructions, ours.JitedBytes, ours.VerifiedInstructions, ours.NsPerRun };
            text.Append($"| {program.Name} | {program.Type} |");
            for (int k = 0; k < 4; k++)
            {
                double ratio = o[k] / c[k];
                ratios[k].Add(ratio);
                text.Append(Invariant($" {c[k]} / {o[k]} ({ratio:0.00}) |"));
            }
            text.AppendLine();
        }
        text.Append("| **geometric mean C#÷clang** | |");
        foreach (var list in ratios)
            text.Append(Invariant($" **{Math.Exp(list.Average(Math.Log)):0.000}** |"));
        text.AppendLine();
        text.Append("| **max C#÷clang** | |");
        foreach (var list in ratios)
            text.Append(Invariant($" {list.Max():0.00} |"));
        text.AppendLine();
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
