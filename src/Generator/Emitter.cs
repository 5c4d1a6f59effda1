using System;
using System.Globalization;
using System.Linq;
using System.Text;
using BpfSharp.Generator.Emit;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BpfSharp.Generator;

/// <summary>Model → source: the object's bytes and the typed loader (skeleton) for one program class.</summary>
internal static class Emitter
{
    private const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"BpfSharp.Generator\", \"1.0.0\")]";

    public static void Emit(SourceProductionContext context, ProgramClassModel model)
    {
        context.AddSource(model.HintName + ".BpfObject.g.cs", SourceText.From(ObjectSource(model), Encoding.UTF8));
        if (model.EmitSkeleton)
            context.AddSource(model.HintName + ".Skeleton.g.cs", SourceText.From(SkeletonSource(model), Encoding.UTF8));
    }

    /// <summary>
    /// The object as a byte property. Its first line carries the same bytes in base64 for the build step that
    /// writes bpf/&lt;Class&gt;.o beside the assembly (build/BpfSharp.targets); a generator may not write files.
    /// </summary>
    internal static string ObjectSource(ProgramClassModel model)
    {
        var bytes = model.Object.AsSpan().ToArray();
        var w = Begin(model, "// bpfsharp-object: " + model.ObjectFileName + " " + Convert.ToBase64String(bytes));
        w.Line("/// <summary>The eBPF ELF object compiled from this class's programs; also written to bpf/" + model.ObjectFileName + " beside the assembly.</summary>");
        w.Line(GeneratedCode);
        w.Line("public static global::System.ReadOnlySpan<byte> BpfObjectBytes => new byte[]");
        w.Line("{");
        for (int i = 0; i < bytes.Length; i += 16)
        {
            var row = bytes.Skip(i).Take(16).Select(b => "0x" + b.ToString("x2", CultureInfo.InvariantCulture));
            w.Line("    " + string.Join(", ", row) + ",");
        }
        w.Line("};");
        return End(model, w);
    }

    internal static string SkeletonSource(ProgramClassModel model)
    {
        var w = Begin(model, null);
        w.Line("/// <summary>Loads this class's programs into the kernel; dispose the result to unload them.</summary>");
        w.Line("/// <param name=\"options\">Log level, pin path and other load options; null for the defaults.</param>");
        w.Line("public static Skeleton Load(global::BpfSharp.Runtime.BpfLoadOptions? options = null) =>");
        w.Line("    new Skeleton(global::BpfSharp.Runtime.BpfObject.Load(BpfObjectBytes, options));");
        w.Line();
        w.Line("/// <summary>The loaded object of " + model.ClassName + ": a typed property per program, and the links AttachAll made.</summary>");
        w.Line(GeneratedCode);
        w.Open("public sealed class Skeleton : global::System.IDisposable, global::System.IAsyncDisposable");
        w.Line("private readonly global::System.Collections.Generic.List<global::BpfSharp.Runtime.BpfLink> _links = new();");
        w.Line();
        w.Open("internal Skeleton(global::BpfSharp.Runtime.BpfObject loaded)");
        w.Line("Object = loaded;");
        foreach (var program in model.Programs)
            w.Line($"{program.MethodName} = loaded.Program(\"{program.MethodName}\");");
        w.Close();
        w.Line();
        w.Line("/// <summary>The loaded object, for lower-level access.</summary>");
        w.Line("public global::BpfSharp.Runtime.BpfObject Object { get; }");
        if (model.RuntimeHasMaps)
        {
            foreach (var map in model.Maps)
            {
                // TODO: expose map.RuntimeType (typed views such as BpfHashMap<K, V>) once the runtime has them.
                w.Line();
                w.Line($"/// <summary>The map declared by <c>{model.ClassName}.{map.Name}</c>.</summary>");
                w.Line($"public global::BpfSharp.Runtime.BpfMap {map.Name} => Object.Map(\"{map.Name}\");");
            }
        }
        foreach (var program in model.Programs)
        {
            w.Line();
            w.Line($"/// <summary>The program compiled from <c>{model.ClassName}.{program.MethodName}</c> (section <c>{program.Section}</c>).</summary>");
            w.Line($"public global::BpfSharp.Runtime.BpfProgram {program.MethodName} {{ get; }}");
        }
        w.Line();
        w.Line("/// <summary>Attaches every program to the attach point its attribute names; the links live until Dispose.</summary>");
        w.Open("public void AttachAll()");
        foreach (var program in model.Programs)
            w.Line($"_links.Add({program.MethodName}.Attach());");
        w.Close();
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
        w.Close();
        return End(model, w);
    }

    private static SourceWriter Begin(ProgramClassModel model, string? firstLine)
    {
        var w = new SourceWriter();
        if (firstLine is not null)
            w.Line(firstLine);
        w.Line("// <auto-generated/>");
        w.Line("#nullable enable");
        w.Line();
        if (model.Namespace.Length > 0)
            w.Open("namespace " + model.Namespace);
        foreach (var declaration in model.ContainingTypes)
            w.Open(declaration);
        w.Open(model.Declaration);
        return w;
    }

    private static string End(ProgramClassModel model, SourceWriter w)
    {
        w.Close();
        foreach (var _ in model.ContainingTypes)
            w.Close();
        if (model.Namespace.Length > 0)
            w.Close();
        return w.ToString();
    }
}
