using BpfSharp.Generator.Compiler.Data;
using BpfSharp.Generator.Tests.Compiler;

namespace BpfSharp.Tests.Maps;

internal static class MapHarness
{
    /// <summary>The diagnostic ids of class P's map/global declarations and of compiling its programs.</summary>
    public static List<string> CompileClassWithData(string members, string? extraTypes = null)
    {
        var compilation = CompilerHarness.Compile(CompilerHarness.Source(members, extraTypes));
        var data = ClassData.Collect(compilation.GetTypeByMetadataName("P")!, compilation, CancellationToken.None);
        var compiled = CompilerHarness.CompileClass(members, extraTypes);
        return data.Diagnostics.Concat(compiled.Diagnostics).Select(d => d.Id).ToList();
    }
}

internal static class MapListing
{
    /// <summary>The function in llvm-objdump syntax (the shared disassembler), which prints atomics.</summary>
    public static string[] Of(BpfSharp.Generator.Compiler.CompiledFunction f)
    {
        var lines = new List<string>();
        for (int i = 0; i < f.Code.Length; i++)
        {
            var insn = f.Code[i];
            lines.Add(insn.IsWide ? BpfSharp.Asm.Disassembler.Format(insn, f.Code[++i], alu32: true) : BpfSharp.Asm.Disassembler.Format(insn, alu32: true));
        }
        return lines.ToArray();
    }
}
