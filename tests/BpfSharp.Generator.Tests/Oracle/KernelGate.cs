using BpfSharp.Runtime;
using BpfSharp.Tests;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// The runtime tests' gate, for this project: without privileges the kernel tests skip on a developer machine,
/// but under CI=true they fail, so the oracle can never turn green by not running.
/// </summary>
internal static class KernelGate
{
    public static void Require()
    {
        if (Privileges.CanLoadPrograms(out var reason))
            return;
        if (Tools.IsCI)
            Assert.Fail("CI=true requires the kernel tests to run, but: " + reason);
        Assert.Skip("needs root (or CAP_BPF + CAP_PERFMON): " + reason);
    }
}
