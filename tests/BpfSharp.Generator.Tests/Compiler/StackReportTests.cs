using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>BPF0007 gives the backend's frame size and names what fills the frame, at the method and at the largest locals.</summary>
public class StackReportTests
{
    private const string Types = """
        public struct Sample { public ulong W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13, W14, W15, W16, W17, W18, W19, W20, W21, W22, W23, W24, W25, W26, W27, W28, W29, W30, W31, W32, W33, W34, W35, W36, W37, W38, W39, W40, W41, W42, W43, W44, W45, W46, W47, W48, W49, W50, W51, W52, W53, W54; }
        public struct FlowKey { public ulong A, B, C, D, E; }
        """;

    private static (Model.DiagnosticInfo Diagnostic, string Source) StackDiagnostic(string members)
    {
        var result = CompilerHarness.CompileClass(members, Types);
        Assert.Empty(result.Programs);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("BPF0007", d.Id);
        return (d, CompilerHarness.Source(members, Types));
    }

    private static string Text(string source, Model.LocationInfo location) => source.Substring(location.Span.Start, location.Span.Length);

    [Fact]
    public void Message_names_the_frame_size_and_the_three_largest_contributors()
    {
        var (d, source) = StackDiagnostic("""
            public static int Prog(int a)
            {
                Sample buf = default;
                FlowKey key = default;
                ulong small = (ulong)a;
                buf.W1 = Bpf.ProbeReadKernel(&small, 8, (void*)(ulong)a) == 0 ? 1UL : 2UL;
                key.A = buf.W1 + buf.W49;
                Bpf.Printk("a rather long format, long enough to fill 56 bytes %d\n", (long)(key.A + key.E));
                return (int)(buf.W0 + key.A + small);
            }
            """);
        Assert.Equal("Prog", d.Arguments[0]);
        int frame = int.Parse(d.Arguments[1]);
        Assert.InRange(frame, 440 + 40 + 56 + 8, 512 + 64);
        Assert.Equal("512", d.Arguments[2]);
        Assert.Equal("'buf' (Sample, 440 bytes), Printk format (56 bytes), 'key' (FlowKey, 40 bytes)", d.Arguments[3]);
        Assert.Equal($"'Prog' needs {frame} bytes of stack; eBPF allows 512. Largest: 'buf' (Sample, 440 bytes), Printk format (56 bytes), 'key' (FlowKey, 40 bytes). "
            + "Keep large values in a per-CPU array map, or move parts that are not needed at the same time into separate [MethodImpl(MethodImplOptions.NoInlining)] methods.", d.ToDiagnostic().GetMessage());

        Assert.Equal("Prog", Text(source, d.Location!));
        Assert.Equal(new[] { "buf", "Bpf.Printk(\"a rather long format, long enough to fill 56 bytes %d\\n\", (long)(key.A + key.E))", "key" },
            d.AdditionalLocations.Select(l => Text(source, l)).ToArray());
        Assert.Equal(3, d.ToDiagnostic().AdditionalLocations.Count);
    }

    [Fact]
    public void Copies_of_an_inlined_local_add_up_under_its_name()
    {
        var (d, source) = StackDiagnostic("""
            public static int Prog(int a) => Fill(a) + Fill(a + 1);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static int Fill(int a)
            {
                Sample scratch = default;
                scratch.W3 = (ulong)a;
                Bpf.ProbeReadKernel(&scratch, 440, (void*)(ulong)a);
                return (int)scratch.W3;
            }
            """);
        Assert.StartsWith("'scratch' (Sample, 880 bytes in 2 slots)", d.Arguments[3]);
        Assert.Equal("scratch", Text(source, d.AdditionalLocations[0]));
    }

    [Fact]
    public void A_stackalloc_is_named_after_its_local_and_a_struct_copy_after_its_expression()
    {
        var (d, _) = StackDiagnostic("""
            public static int Prog(int a)
            {
                byte* bytes = stackalloc byte[320];
                Sample s = default;
                s.W0 = (ulong)a;
                bytes[a & 7] = 1;
                return (int)Sum(s) + bytes[0];
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static ulong Sum(Sample s) => s.W0 + s.W1;
            """);
        Assert.Equal("'s' (Sample, 440 bytes), temporary for 's' (440 bytes), 'bytes' (stackalloc byte[320], 320 bytes)", d.Arguments[3]);
    }
}
