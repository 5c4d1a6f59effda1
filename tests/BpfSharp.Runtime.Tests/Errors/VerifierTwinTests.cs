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

    // Line info reaches the kernel once the object carries .BTF.ext; until then the log has no source lines.
    private static void AssertSourceIsCSharp(BpfVerifierException ex)
    {
        if (ex.SourceFile is not null)
            Assert.EndsWith("VerifierTwins.cs", ex.SourceFile);
    }
}
