using System.Linq;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Emit;

/// <summary>
/// The typed loader of one program class, what <c>bpftool gen skeleton</c> gives C users: <c>Load</c>, typed
/// options (log level, pin path, map sizes, read-only globals), a property per program and a typed view per map,
/// the globals while running, <c>AttachAll</c>, and Dispose that closes every link, program and map.
/// </summary>
internal static class SkeletonWriter
{
    private const string Runtime = "global::BpfSharp.Runtime.";
    private const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"BpfSharp.Generator\", \"1.0.0\")]";

    public static void Write(SourceWriter w, ProgramClassModel model)
    {
        var maps = model.RuntimeHasMaps ? model.Maps : EquatableArray<MapModel>.Empty;
        var globals = model.RuntimeHasGlobals ? model.Globals : EquatableArray<GlobalModel>.Empty;

        w.Line("/// <summary>Loads this class's programs into the kernel; dispose the result to unload them.</summary>");
        w.Line("/// <param name=\"options\">Log level, pin path and other load options; null for the defaults. A <see cref=\"Skeleton.Options\"/> converts to them.</param>");
        w.Line("public static Skeleton Load(" + Runtime + "BpfLoadOptions? options = null) =>");
        w.Line("    new Skeleton(" + Runtime + "BpfObject.Load(BpfObjectBytes, options));");
        w.Line();
        w.Line("/// <summary>The loaded object of " + model.ClassName + ": a typed property per program and map, its globals, and the links AttachAll made.</summary>");
        w.Line(GeneratedCode);
        w.Open("public sealed class Skeleton : global::System.IDisposable, global::System.IAsyncDisposable");
        w.Line("private readonly global::System.Collections.Generic.List<" + Runtime + "BpfLink> _links = new();");
        w.Line();
        Constructor(w, model, maps, globals.Count > 0);
        w.Line();
        w.Line("/// <summary>The loaded object, for lower-level access.</summary>");
        w.Line("public " + Runtime + "BpfObject Object { get; }");
        foreach (var map in maps)
            Map(w, model, map);
        foreach (var program in model.Programs)
        {
            w.Line();
            w.Line($"/// <summary>The program compiled from <c>{model.ClassName}.{program.MethodName}</c> (section <c>{program.Section}</c>).</summary>");
            w.Line($"public {Runtime}BpfProgram {program.MethodName} {{ get; }}");
        }
        if (globals.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>The global variables while the programs run: read-only ones as loaded, the others read and written in the kernel.</summary>");
            w.Line("public GlobalVariables Globals { get; }");
        }
        Attach(w, model);
        Dispose(w);
        w.Line();
        SkeletonOptionsWriter.Write(w, model, maps, globals);
        if (globals.Count > 0)
        {
            w.Line();
            GlobalsWriter.Write(w, model, globals);
        }
        w.Close();
    }

    private static void Constructor(SourceWriter w, ProgramClassModel model, EquatableArray<MapModel> maps, bool hasGlobals)
    {
        w.Open("internal Skeleton(" + Runtime + "BpfObject loaded)");
        w.Line("Object = loaded;");
        // A view checks the kernel's key and value sizes against the C# types; if one throws, nothing stays loaded.
        w.Open("try");
        foreach (var program in model.Programs)
            w.Line($"{program.MethodName} = loaded.Program(\"{program.MethodName}\");");
        foreach (var map in maps)
        {
            w.Line(map.RuntimeType == "BpfMap"
                ? $"{map.Name} = loaded.Map(\"{map.Name}\");"
                : $"{map.Name} = new {Qualified(map.RuntimeType)}(loaded.Map(\"{map.Name}\"));");
        }
        if (hasGlobals)
            w.Line("Globals = new GlobalVariables(loaded.Globals);");
        w.Close();
        w.Open("catch");
        w.Line("loaded.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
    }

    private static void Map(SourceWriter w, ProgramClassModel model, MapModel map)
    {
        w.Line();
        w.Line($"/// <summary>The map declared by <c>{model.ClassName}.{map.Name}</c>.</summary>");
        w.Line($"{map.Accessibility} {Qualified(map.RuntimeType)} {map.Name} {{ get; }}");
        if (map.Reader == MapReader.None)
            return;

        bool ring = map.Reader == MapReader.RingBuffer;
        string reader = Runtime + (ring ? "RingBufferReader" : "PerfBufferReader");
        string parameters = ring ? "()" : "(int pagesPerCpu = 8)";
        string arguments = ring ? $"({map.Name})" : $"({map.Name}, pagesPerCpu)";
        w.Line();
        w.Line($"/// <summary>Opens a reader of the records the programs write to <c>{map.Name}</c>; dispose it before the skeleton.</summary>");
        w.Line($"public {reader}<T> Open{map.Name}Reader<T>{parameters} where T : unmanaged => new{arguments};");
        if (map.RecordType.Length > 0)
        {
            w.Line();
            w.Line($"/// <summary>Opens a reader of the <see cref=\"{map.RecordType}\"/> records the programs write to <c>{map.Name}</c>; dispose it before the skeleton.</summary>");
            w.Line($"public {reader}<{map.RecordType}> Open{map.Name}Reader{parameters} => new{arguments};");
        }
    }

    private static void Attach(SourceWriter w, ProgramClassModel model)
    {
        var manual = model.Programs.Where(p => ManualAttach(p) is not null).ToList();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Attaches every program to the attach point its attribute names; the links live until Dispose.");
        if (manual.Count > 0)
            w.Line("/// Programs that need an interface, socket or cgroup are attached by their own Attach method; AttachAll attaches the others, then throws naming those.");
        w.Line("/// </summary>");
        w.Open("public void AttachAll()");
        foreach (var program in model.Programs.Where(p => ManualAttach(p) is null))
            w.Line($"_links.Add({program.MethodName}.Attach());");
        if (manual.Count > 0)
        {
            string needs = string.Join("; ", manual.Select(p => $"{p.MethodName} ({p.Section}) needs {ManualAttach(p)!.Value.Needs}: call Attach{p.MethodName}({ManualAttach(p)!.Value.Call})"));
            w.Line($"throw new global::System.InvalidOperationException(\"AttachAll attached what it could; {needs}.\");");
        }
        w.Close();
        foreach (var program in manual)
        {
            var (needs, call, parameters, attach) = ManualAttach(program)!.Value;
            w.Line();
            w.Line($"/// <summary>Attaches <c>{program.MethodName}</c> ({program.Section}) to {needs}; the link lives until Dispose (or until you dispose it).</summary>");
            w.Line($"public {Runtime}BpfLink Attach{program.MethodName}({parameters}) => Keep({program.MethodName}.{attach});");
        }
        if (manual.Count > 0)
        {
            w.Line();
            w.Open($"private {Runtime}BpfLink Keep({Runtime}BpfLink link)");
            w.Line("_links.Add(link);");
            w.Line("return link;");
            w.Close();
        }
    }

    /// <summary>For a program the kernel cannot attach without a target: what it needs, and the generated method's signature and call.</summary>
    private static (string Needs, string Call, string Parameters, string Attach)? ManualAttach(ProgramSpec program) => program.Kind switch
    {
        ProgramKind.Xdp => ("an interface", "interfaceName",
            $"string interfaceName, {Runtime}XdpFlags flags = {Runtime}XdpFlags.None", "AttachXdp(interfaceName, flags)"),
        ProgramKind.Tc => ("an interface", "interfaceName", "string interfaceName",
            $"AttachTc(interfaceName, global::BpfSharp.TcDirection.{(program.Section.EndsWith("egress") ? "Egress" : "Ingress")})"),
        ProgramKind.SocketFilter => ("a socket", "socket", "global::System.Net.Sockets.Socket socket", "AttachSocketFilter(socket)"),
        ProgramKind.CgroupSkb or ProgramKind.CgroupSock => ("a cgroup", "cgroupPath", "string cgroupPath", "AttachCgroup(cgroupPath)"),
        _ => null,
    };

    private static void Dispose(SourceWriter w)
    {
        w.Line();
        w.Line("/// <summary>Detaches every link, then closes the programs and maps.</summary>");
        w.Open("public void Dispose()");
        w.Line("for (int i = _links.Count - 1; i >= 0; i--)");
        w.Line("    _links[i].Dispose();");
        w.Line("_links.Clear();");
        w.Line("Object.Dispose();");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc cref=\"Dispose\"/>");
        w.Open("public global::System.Threading.Tasks.ValueTask DisposeAsync()");
        w.Line("Dispose();");
        w.Line("return default;");
        w.Close();
    }

    internal static string Qualified(string runtimeType) => runtimeType.StartsWith("global::") ? runtimeType : Runtime + runtimeType;
}
