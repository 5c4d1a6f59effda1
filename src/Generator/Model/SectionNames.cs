using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Model;

/// <summary>
/// The ELF section of a program, by libbpf's conventions, from its program-type attribute: a string argument is
/// the attach target (<c>raw_tracepoint/sys_enter</c>), an enum argument names the hook in snake case
/// (<c>tcx/ingress</c>, <c>cgroup/sock_create</c>), and XDP's <c>Frags</c> selects <c>xdp.frags</c>.
/// </summary>
internal static class SectionNames
{
    public static (string Section, string Target) For(ProgramTypeInfo info, AttributeData attribute)
    {
        if (info.Kind == ProgramKind.Xdp)
        {
            bool frags = attribute.NamedArguments.Any(a => a.Key == "Frags" && a.Value.Value is true);
            return (frags ? "xdp.frags" : "xdp", "");
        }

        var first = attribute.ConstructorArguments.FirstOrDefault();
        // Several string arguments join with the type's separator: uprobe's path and symbol give "path:symbol".
        string target = first.Kind == TypedConstantKind.Enum && first.Type is INamedTypeSymbol enumType
            ? SnakeCase(EnumMemberName(enumType, first.Value))
            : string.Join(info.TargetSeparator, attribute.ConstructorArguments.Select(a => a.Value as string).Where(v => v is not null));
        return (target.Length == 0 ? info.SectionPrefix : info.SectionPrefix + "/" + target, target);
    }

    private static string EnumMemberName(INamedTypeSymbol type, object? value) =>
        type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name ?? "";

    /// <summary><c>SockCreate</c> → <c>sock_create</c>, <c>PostBind4</c> → <c>post_bind4</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
