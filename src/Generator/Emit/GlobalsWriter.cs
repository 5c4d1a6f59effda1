using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Emit;

/// <summary>
/// The skeleton's typed globals while programs run: a property per global over a <c>BpfGlobal&lt;T&gt;</c> resolved
/// once at load, which reads and writes the section's mmap'ed page (no syscall; map lookups only where the kernel
/// cannot map global data).
/// </summary>
internal static class GlobalsWriter
{
    private const string Runtime = "global::BpfSharp.Runtime.";

    public static void Write(SourceWriter w, ProgramClassModel model, EquatableArray<GlobalModel> globals)
    {
        w.Line($"/// <summary>The global variables of {model.ClassName} in the kernel, read and written in their mapped pages.</summary>");
        w.Open("public sealed class GlobalVariables");
        foreach (var global in globals)
            w.Line($"private readonly {Runtime}BpfGlobal<{global.TypeName}> {Field(global)};");
        w.Line();
        w.Open("internal GlobalVariables(" + Runtime + "BpfGlobals globals)");
        foreach (var global in globals)
            w.Line($"{Field(global)} = globals.Variable<{global.TypeName}>(\"{global.Name}\");");
        w.Close();
        foreach (var global in globals)
        {
            w.Line();
            if (global.ReadOnly)
            {
                w.Line($"/// <summary><c>{model.ClassName}.{global.Name}</c> (.rodata) as loaded; frozen, set it through <see cref=\"Options.Rodata\"/>.</summary>");
                w.Line($"{global.Accessibility} {global.TypeName} {global.Name} => {Field(global)}.Value;");
                continue;
            }
            w.Line($"/// <summary><c>{model.ClassName}.{global.Name}</c> as the programs see it now; a write replaces the kernel's value.</summary>");
            w.Open($"{global.Accessibility} {global.TypeName} {global.Name}");
            w.Line($"get => {Field(global)}.Value;");
            w.Line($"set => {Field(global)}.Value = value;");
            w.Close();
        }
        w.Close();
    }

    // Two underscores keep the handle apart from any C# name a global can have as a property.
    private static string Field(GlobalModel global) => "__" + global.Name;
}
