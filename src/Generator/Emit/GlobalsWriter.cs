using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Emit;

/// <summary>
/// The skeleton's typed globals while programs run: a property per global, read from its section's map (and for
/// mutable ones written back) through the object's <c>BpfGlobals</c>.
/// </summary>
internal static class GlobalsWriter
{
    public static void Write(SourceWriter w, ProgramClassModel model, EquatableArray<GlobalModel> globals)
    {
        w.Line($"/// <summary>The global variables of {model.ClassName} in the kernel.</summary>");
        w.Open("public sealed class GlobalVariables");
        w.Line("private readonly global::BpfSharp.Runtime.BpfGlobals _globals;");
        w.Line();
        w.Line("internal GlobalVariables(global::BpfSharp.Runtime.BpfGlobals globals) => _globals = globals;");
        foreach (var global in globals)
        {
            w.Line();
            if (global.ReadOnly)
            {
                w.Line($"/// <summary><c>{model.ClassName}.{global.Name}</c> (.rodata) as loaded; frozen, set it through <see cref=\"Options.Rodata\"/>.</summary>");
                w.Line($"{global.Accessibility} {global.TypeName} {global.Name} => Read<{global.TypeName}>(\"{global.Name}\");");
                continue;
            }
            w.Line($"/// <summary><c>{model.ClassName}.{global.Name}</c> as the programs see it now; a write replaces the kernel's value.</summary>");
            w.Open($"{global.Accessibility} {global.TypeName} {global.Name}");
            w.Line($"get => Read<{global.TypeName}>(\"{global.Name}\");");
            w.Line($"set => _globals.WriteBytes(\"{global.Name}\", global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(new global::System.ReadOnlySpan<{global.TypeName}>(in value)));");
            w.Close();
        }
        w.Line();
        // MemoryMarshal reads the C# size (1 byte for bool), which is the size the object declared.
        w.Line("private T Read<T>(string name) where T : unmanaged =>");
        w.Line("    global::System.Runtime.InteropServices.MemoryMarshal.Read<T>(_globals.ReadBytes(name));");
        w.Close();
    }
}
