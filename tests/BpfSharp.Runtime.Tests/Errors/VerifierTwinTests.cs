namespace BpfSharp.Runtime.Tests.Errors;

/// <summary>
/// The analyses are no false alarms: each twin is what a diagnostic forbids, compiled with the analyses switched
/// off, and the kernel refuses it with the message its docs page records. The exception explains it in C# terms.
/// </summary>
public class VerifierTwinTests
{
    [KernelFact]
    public void Gpl_only_helper_under_mit_is_refused_by_the_kernel()
    {
        Kernel.Require();
        var ex = Assert.Throws<BpfVerifierException>(() => { using var _ = GplOnlyTwin.Load(); });
        Assert.Contains("cannot call GPL-restricted function from non-GPL compatible program", ex.Log);
        Assert.Contains("(BPF0203)", ex.Message);
        AssertSourceIsCSharp(ex);
    }

    [KernelFact]
    public void Xdp_helper_in_a_tracepoint_is_refused_by_the_kernel()
    {
        Kernel.Require();
        var ex = Assert.Throws<BpfVerifierException>(() => { using var _ = HelperNotAllowedTwin.Load(); });
        Assert.Contains("program of this type cannot use helper bpf_xdp_adjust_head#44", ex.Log);
        Assert.Contains("(BPF0202)", ex.Message);
        AssertSourceIsCSharp(ex);
    }

    [KernelFact]
    public void Unchecked_lookup_is_refused_at_the_csharp_line()
    {
        Kernel.Require();
        var ex = Assert.Throws<BpfVerifierException>(() => { using var _ = NullCheckTwin.Load(); });
        Assert.Contains("invalid mem access 'map_value_or_null'", ex.Log);
        Assert.Contains("(BPF0200)", ex.Message);
        Assert.EndsWith("VerifierTwins.cs", ex.SourceFile);
        Assert.Equal(LineOf("return (int)*value; // the failing line"), ex.SourceLine);
        Assert.Contains("return (int)*value;", ex.Message);
    }

    [KernelFact]
    public void Unchecked_packet_read_is_refused_by_the_kernel()
    {
        Kernel.Require();
        var ex = Assert.Throws<BpfVerifierException>(() => { using var _ = PacketBoundsTwin.Load(); });
        Assert.Contains("invalid access to packet, off=12 size=1", ex.Log);
        Assert.Contains("(BPF0201)", ex.Message);
        Assert.Equal(LineOf("return data[12] == 0x08"), ex.SourceLine);
        AssertSourceIsCSharp(ex);
    }

    [KernelFact]
    public void Unbounded_loop_is_refused_by_the_kernel()
    {
        Kernel.Require();
        var ex = Assert.Throws<BpfVerifierException>(() => { using var _ = UnboundedLoopTwin.Load(); });
        Assert.Contains("The sequence of 8193 jumps is too complex", ex.Log);
        Assert.Contains("(BPF0006)", ex.Message);
        Assert.Equal(LineOf("while (n != 0)"), ex.SourceLine);
        AssertSourceIsCSharp(ex);
    }

    [KernelFact]
    public void Oversized_stack_is_refused_by_the_kernel()
    {
        Kernel.Require();
        var ex = Assert.Throws<BpfVerifierException>(() => { using var _ = StackTwin.Load(); });
        Assert.Contains("invalid write to stack R10 off=-640 size=8", ex.Log);
        Assert.Contains("(BPF0007)", ex.Message);
        Assert.Equal(LineOf("Big big = default;"), ex.SourceLine);
        AssertSourceIsCSharp(ex);
    }

    private static int LineOf(string text, [System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        var file = Path.Combine(Path.GetDirectoryName(here)!, "VerifierTwins.cs");
        return Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text)) + 1;
    }

    private static void AssertSourceIsCSharp(BpfVerifierException ex)
    {
        Assert.EndsWith("VerifierTwins.cs", ex.SourceFile);
        Assert.True(ex.SourceLine > 0);
        Assert.Contains("VerifierTwins.cs(", ex.Message);
    }
}
