namespace BpfSharp.Runtime.Tests;

public sealed class PermissionTests
{
    [KernelFact]
    public void Load_without_capabilities_throws_permission_exception_with_the_sentence()
    {
        Kernel.Require();

        var (canLoad, error) = DroppedCapabilities.Run(() =>
        {
            bool can = Privileges.CanLoadPrograms(out _);
            // XDP needs privileges even where unprivileged socket filters are allowed.
            var thrown = Record.Exception(() => BpfProgram.Load(ProgramType.Xdp, TestPrograms.Return(2), "GPL", "no_caps").Dispose());
            return (can, thrown);
        });

        Assert.False(canLoad);
        var permission = Assert.IsType<BpfPermissionException>(error);
        Assert.Equal("EPERM", permission.ErrnoName);
        Assert.StartsWith("Loading eBPF programs needs root, or CAP_BPF with CAP_PERFMON", permission.Reason);
        Assert.Contains(permission.Reason, permission.Message);
        // The rest of the process kept its capabilities.
        Assert.True(Privileges.CanLoadPrograms(out var reason), reason);
    }
}
