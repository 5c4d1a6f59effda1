using System.Text;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// The source a user would write to run a corpus method as a program: in the method's own partial class (so it may
/// use the class's maps), one <c>[BpfProgram, RawTracepoint]</c> per method that reads the arguments from the
/// context with <c>ctx.Arg(i)</c>, calls the method, and folds the result into the 32 bits the kernel returns,
/// as <see cref="IntegerValues.Returned"/> expects.
/// </summary>
internal static class OracleEntryPoints
{
    private const string Prefix = "Oracle__";

    public static string ProgramName(IMethodSymbol method) => Prefix + method.Name;

    public static string Source(INamedTypeSymbol type, IEnumerable<IMethodSymbol> methods)
    {
        var text = new StringBuilder();
        text.Append("namespace ").Append(type.ContainingNamespace.ToDisplayString()).AppendLine(";");
        text.Append("public static unsafe partial class ").AppendLine(type.Name).AppendLine("{");
        foreach (var method in methods)
        {
            var arguments = method.Parameters.Select((p, i) => Argument(p.Type, i));
            text.AppendLine("    [global::BpfSharp.BpfProgram, global::BpfSharp.RawTracepoint(\"oracle\")]");
            text.Append("    public static int ").Append(ProgramName(method)).AppendLine("(global::BpfSharp.RawTracepointContext ctx)");
            text.AppendLine("    {");
            text.Append("        var r = ").Append(method.Name).Append('(').Append(string.Join(", ", arguments)).AppendLine(");");
            text.Append("        return ").Append(Folded(method.ReturnType)).AppendLine(";");
            text.AppendLine("    }");
        }
        return text.AppendLine("}").ToString();
    }

    private static string Argument(ITypeSymbol type, int index) =>
        type.SpecialType == SpecialType.System_Boolean
            ? $"ctx.Arg({index}) != 0"
            : $"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})ctx.Arg({index})";

    private static string Folded(ITypeSymbol type)
    {
        var underlying = type is INamedTypeSymbol { EnumUnderlyingType: { } e } ? e : type;
        return underlying.SpecialType switch
        {
            SpecialType.System_Boolean => "r ? 1 : 0",
            SpecialType.System_Int64 or SpecialType.System_UInt64 => "(int)((ulong)r ^ ((ulong)r >> 32))",
            _ => "(int)r",
        };
    }
}
