using System.Linq;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Emit;

/// <summary>
/// The skeleton's typed load options: log level, pin path, a size per map and a value per read-only global (each
/// defaulting to its declaration), converted to <c>BpfLoadOptions</c> for <c>Load</c>.
/// </summary>
internal static class SkeletonOptionsWriter
{
    private const string Runtime = "global::BpfSharp.Runtime.";

    public static void Write(SourceWriter w, ProgramClassModel model, EquatableArray<MapModel> maps, EquatableArray<GlobalModel> globals)
    {
        var rodata = globals.Where(g => g.ReadOnly).ToList();
        var mutable = globals.Where(g => !g.ReadOnly).ToList();
        w.Line("/// <summary>");
        w.Line($"/// Load options for {model.ClassName} with a typed member per map size and global; pass it to");
        w.Line($"/// <c>{model.ClassName}.Load</c> (it converts to <see cref=\"{Runtime}BpfLoadOptions\"/>).");
        w.Line("/// </summary>");
        w.Open("public sealed class Options");
        w.Line("/// <summary>The verifier log level (a failed load is retried with a log either way).</summary>");
        w.Line($"public {Runtime}VerifierLogLevel LogLevel {{ get; set; }}");
        w.Line();
        w.Line("/// <summary>The bpffs directory for maps pinned by name; null for /sys/fs/bpf.</summary>");
        w.Line("public string? PinPath { get; set; }");
        if (maps.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>max_entries per map, defaulting to the declared sizes.</summary>");
            w.Line("public MapSizes MaxEntries { get; } = new();");
        }
        if (rodata.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>The read-only globals' values, defaulting to their initializers; the verifier sees them as constants.</summary>");
            w.Line("public ReadOnlyGlobals Rodata { get; } = new();");
        }
        if (mutable.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>The mutable globals' values when the programs start, defaulting to their initializers.</summary>");
            w.Line("public MutableGlobals Data { get; } = new();");
        }
        w.Line();
        w.Line("/// <summary>These options as the runtime takes them.</summary>");
        w.Open($"public {Runtime}BpfLoadOptions ToLoadOptions()");
        w.Line("var maxEntries = new global::System.Collections.Generic.Dictionary<string, uint>();");
        foreach (var map in maps)
            w.Line($"if (MaxEntries.{map.Name} != {map.MaxEntries}u) maxEntries[\"{map.Name}\"] = MaxEntries.{map.Name};");
        w.Line("var globalValues = new global::System.Collections.Generic.Dictionary<string, byte[]>();");
        foreach (var global in rodata)
            w.Line($"globalValues[\"{global.Name}\"] = BytesOf(Rodata.{global.Name});");
        foreach (var global in mutable)
            w.Line($"globalValues[\"{global.Name}\"] = BytesOf(Data.{global.Name});");
        w.Line($"return new {Runtime}BpfLoadOptions {{ LogLevel = LogLevel, PinPath = PinPath, MaxEntries = maxEntries, GlobalValues = globalValues }};");
        w.Close();
        w.Line();
        w.Line($"public static implicit operator {Runtime}BpfLoadOptions(Options options) => options.ToLoadOptions();");
        if (globals.Count > 0)
        {
            w.Line();
            w.Line("private static byte[] BytesOf<T>(T value) where T : unmanaged =>");
            w.Line("    global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(new global::System.ReadOnlySpan<T>(in value)).ToArray();");
        }
        if (maps.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>max_entries per map.</summary>");
            w.Open("public sealed class MapSizes");
            foreach (var map in maps)
            {
                w.Line($"/// <summary>max_entries of <c>{map.Name}</c> (declared: {map.MaxEntries}).</summary>");
                w.Line($"public uint {map.Name} {{ get; set; }} = {map.MaxEntries}u;");
            }
            w.Close();
        }
        if (rodata.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>Values of the read-only (<c>.rodata</c>) globals, written before the programs load.</summary>");
            w.Open("public sealed class ReadOnlyGlobals");
            foreach (var global in rodata)
            {
                w.Line($"/// <summary><c>{model.ClassName}.{global.Name}</c>.</summary>");
                w.Line($"{global.Accessibility} {global.TypeName} {global.Name} {{ get; set; }} = {global.Initial};");
            }
            w.Close();
        }
        if (mutable.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>Initial values of the mutable (<c>.data</c>, <c>.bss</c>) globals, written before the programs load.</summary>");
            w.Open("public sealed class MutableGlobals");
            foreach (var global in mutable)
            {
                w.Line($"/// <summary><c>{model.ClassName}.{global.Name}</c>.</summary>");
                w.Line($"{global.Accessibility} {global.TypeName} {global.Name} {{ get; set; }} = {global.Initial};");
            }
            w.Close();
        }
        w.Close();
    }
}
