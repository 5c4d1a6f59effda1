using System.Text.RegularExpressions;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Context members become loads at the context pointer (r1) plus the offset for the target architecture.</summary>
public class ContextReadTests
{
    private const string OpenatStruct = "public struct SysEnterOpenat { public int SyscallNr; public long Dfd; public ulong Filename; public long Flags; public ulong Mode; }";

    /// <summary>The context loads of the program, register names left out: "u64 +112".</summary>
    private static string[] Loads(string members, string? extra = null, string prefix = "")
    {
        var compilation = CompilerHarness.Compile(CompilerHarness.Usings + prefix + "public static unsafe partial class P {\n" + members + "\n}\n" + extra);
        var method = compilation.GetTypeByMetadataName("P")!.GetMembers("Prog").OfType<IMethodSymbol>().Single();
        var result = BpfCompiler.CompileClass(method.ContainingType, new[] { (method, new ProgramSpec("Prog", ProgramKind.Kprobe, "kprobe/x", "x", null)) },
            compilation, CancellationToken.None);
        Assert.True(result.Diagnostics.Count == 0, string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
        return CompilerHarness.Listing(Assert.Single(result.Programs))
            .Select(l => Regex.Match(l, @"\*\((u\d+) \*\)\(r1 \+ ?(\d+)\)"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value + " +" + m.Groups[2].Value)
            .ToArray();
    }

    [Fact]
    public void PtRegs_arguments_and_return_value_use_x86_64_offsets() =>
        Assert.Equal(new[] { "u64 +112", "u64 +104", "u64 +80", "u64 +152" },
            Loads("public static long Prog(PtRegs regs) => (long)(regs.Arg0 + regs.Arg(1) + regs.ReturnValue + regs.StackPointer);"));

    [Fact]
    public void Arm64_assembly_attribute_switches_to_user_pt_regs_offsets() =>
        Assert.Equal(new[] { "u64 +8", "u64 +0", "u64 +256" },
            Loads("public static long Prog(PtRegs regs) => (long)(regs.Arg(1) + regs.ReturnValue + regs.InstructionPointer);",
                prefix: "[assembly: BpfSharp.BpfTargetArchitecture(BpfSharp.BpfArchitecture.Arm64)]\n"));

    [Fact]
    public void Tracepoint_fields_are_read_after_the_common_header() =>
        Assert.Equal(new[] { "u64 +16", "u64 +40", "u32 +4", "u16 +0" },
            Loads("public static long Prog(TracepointContext<SysEnterOpenat> ctx) => ctx.Fields.Dfd + (long)ctx.Fields.Mode + ctx.CommonPid + ctx.CommonType;", OpenatStruct));

    [Fact]
    public void Perf_event_context_reads_registers_and_sample_period() =>
        Assert.Equal(new[] { "u64 +168", "u64 +128", "u64 +176" },
            Loads("public static ulong Prog(PerfEventContext ctx) => ctx.SamplePeriod + ctx.Regs.InstructionPointer + ctx.Addr;"));

    [Fact]
    public void Raw_and_tracing_arguments_are_eight_byte_slots() =>
        Assert.Equal(new[] { "u64 +24", "u64 +8" }, Loads("public static ulong Prog(TracingContext ctx) => ctx.Arg(3) + ctx.Arg(1);"));

    [Fact]
    public void A_variable_index_is_reported()
    {
        var result = CompilerHarness.CompileClass("public static ulong Prog(RawTracepointContext ctx, int i) => ctx.Arg(i);");
        Assert.Contains(result.Diagnostics, d => d.Id == "BPF0001" && string.Join(" ", d.Arguments).Contains("constant", StringComparison.Ordinal));
    }
}
