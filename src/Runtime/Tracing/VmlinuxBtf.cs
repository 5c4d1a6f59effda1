using BpfSharp.Btf;

namespace BpfSharp.Runtime;

/// <summary>The running kernel's own BTF (/sys/kernel/btf/vmlinux), parsed once, for fentry/fexit attach targets.</summary>
internal static class VmlinuxBtf
{
    private const string PathName = "/sys/kernel/btf/vmlinux";

    private static readonly Lazy<BtfSpec> s_spec = new(() => BtfSpec.Parse(File.ReadAllBytes(PathName)));

    /// <summary>The BTF id of kernel function <paramref name="function"/>.</summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no BTF, or no such function in it.</exception>
    public static uint FunctionId(string function, string feature)
    {
        if (!File.Exists(PathName))
            throw new BpfNotSupportedException(feature, $"{PathName} does not exist (the kernel was built without CONFIG_DEBUG_INFO_BTF).");
        uint id = s_spec.Value.Find(function, BtfKind.Func);
        if (id == 0)
            throw new BpfNotSupportedException(feature, $"the kernel's BTF has no function '{function}' to attach to.");
        return id;
    }
}
