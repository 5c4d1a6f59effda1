namespace BpfSharp.Generator.Compiler;

/// <summary>
/// The eBPF instruction set the compiler may use (clang's -mcpu). v3 (the default) runs on every kernel since 5.1;
/// v4 adds sign-extending moves and loads, signed division and remainder, and 32-bit jump offsets (kernel 6.6).
/// </summary>
internal enum CpuVersion
{
    V3 = 3,
    V4 = 4,
}

internal static class CpuVersions
{
    /// <summary>The MSBuild property <c>BpfSharpCpu</c> as the generator sees it: "v3", "v4", "3", "4"; anything else is v3.</summary>
    public const string PropertyName = "build_property.BpfSharpCpu";

    public static CpuVersion Parse(string? value) =>
        value?.Trim().TrimStart('v', 'V') == "4" ? CpuVersion.V4 : CpuVersion.V3;
}
