using BpfSharp.Runtime;

namespace BpfSharp.Runtime.Tests;

/// <summary>
/// Gate for tests that talk to the real kernel: they skip on a developer machine without privileges, but in CI
/// (CI=true) a missing privilege is a failure, so the kernel suite can never silently turn green by skipping.
/// </summary>
internal static class Kernel
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require()
    {
        if (Privileges.CanLoadPrograms(out var reason))
            return;
        if (InCi)
            Assert.Fail("CI=true requires the kernel tests to run, but: " + reason);
        Assert.Skip("needs root (or CAP_BPF + CAP_PERFMON): " + reason);
    }
}
