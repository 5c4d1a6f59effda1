using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using BpfSharp.Asm;
using BpfSharp.Elf;
using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>The generator reads &lt;BpfSharpCpu&gt; and compiles whole classes (analyses included) with the new language surface.</summary>
public class CpuOptionPipelineTests
{
    private const string Source = """
        using System.Runtime.CompilerServices;
        using BpfSharp;

        [InlineArray(4)] public struct Four { private int _e; }

        public static unsafe partial class Widen
        {
            [BpfProgram, RawTracepoint("sys_enter")]
            public static int Run(RawTracepointContext ctx)
            {
                int a = (int)ctx.Arg(0);
                Four f = default;
                f[a & 3] = a;
                long s = 0;
                foreach (var x in f) s += x;
                return (int)(s / (a | 1));
            }
        }
        """;

    [Theory]
    [InlineData(null, false)]
    [InlineData("v3", false)]
    [InlineData("v4", true)]
    [InlineData("4", true)]
    public void BpfSharpCpu_selects_the_instruction_set(string? cpu, bool v4)
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var options = new Options(cpu is null ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.BpfSharpCpu", cpu));
        var driver = CSharpGeneratorDriver.Create(new[] { new BpfGenerator().AsSourceGenerator() }, parseOptions: GeneratorHarness.ParseOptions, optionsProvider: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out _);
        var result = driver.GetRunResult();
        Assert.Empty(result.Diagnostics);

        var elf = ElfFile.Parse(GeneratorHarness.ObjectOf(result, "Widen"));
        var code = elf.FindSection("raw_tracepoint/sys_enter")!.Data;
        var insns = Instruction.Decode(code);
        bool usesV4 = insns.Any(i => (i.Class is InstructionClass.Alu or InstructionClass.Alu64) && ((AluOp)(i.OpCode & 0xf0) is AluOp.Mov or AluOp.Div or AluOp.Mod) && i.Offset != 0);
        Assert.Equal(v4, usesV4);
    }

    private sealed class Options(ImmutableDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(ImmutableDictionary<string, string>.Empty);
    }

    private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
