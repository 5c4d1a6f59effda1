using System.Linq;

namespace BpfSharp.Generator.Model;

/// <summary>
/// Everything the emitter needs about one program class, and nothing Roslyn-owned: the pipeline caches on
/// this record's value equality, so an edit that leaves it equal regenerates nothing.
/// </summary>
/// <param name="Namespace">The class's namespace, empty for the global namespace.</param>
/// <param name="ContainingTypes">Declarations of enclosing types, outermost first (e.g. <c>static partial class Outer</c>).</param>
/// <param name="ClassName">The program class's name.</param>
/// <param name="Declaration">Its declaration keywords, e.g. <c>public static partial class</c>.</param>
/// <param name="ObjectFileName">The object's file name, <c>ClassName.o</c>.</param>
/// <param name="Programs">The class's programs, in source order.</param>
/// <param name="Object">The compiled ELF object, empty when compilation failed.</param>
/// <param name="EmitSkeleton">Whether the project references BpfSharp.Runtime, which the skeleton loads with.</param>
internal sealed record ProgramClassModel(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string ClassName,
    string Declaration,
    string ObjectFileName,
    EquatableArray<ProgramSpec> Programs,
    EquatableArray<byte> Object,
    bool EmitSkeleton)
{
    /// <summary>The class's maps, in declaration order.</summary>
    public EquatableArray<MapModel> Maps { get; init; } = EquatableArray<MapModel>.Empty;

    /// <summary>The class's global variables the skeleton can expose, in declaration order.</summary>
    public EquatableArray<GlobalModel> Globals { get; init; } = EquatableArray<GlobalModel>.Empty;

    /// <summary>Whether the runtime can open a loaded object's map by name (<c>BpfObject.Map</c>).</summary>
    public bool RuntimeHasMaps { get; init; }

    /// <summary>Whether the runtime reads and writes a loaded object's globals (<c>BpfObject.Globals</c>).</summary>
    public bool RuntimeHasGlobals { get; init; }

    public string HintName => (Namespace.Length == 0 ? "" : Namespace + ".") +
        string.Join(".", ContainingTypes.Select(TypeNameOf)) + (ContainingTypes.Count == 0 ? "" : ".") + ClassName;

    private static string TypeNameOf(string declaration) => declaration.Substring(declaration.LastIndexOf(' ') + 1);
}

/// <summary>The parser's result for a class: its model (null when nothing can be emitted) and its diagnostics.</summary>
internal sealed record ParseResult(ProgramClassModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>A declaration that compiles nothing itself (not a type, or a partial declaration without the class's first program).</summary>
    public static readonly ParseResult None = new(null, EquatableArray<DiagnosticInfo>.Empty);
}
