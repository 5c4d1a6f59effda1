using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.CodeFixes;

/// <summary>BPF0150: a map field that is not 'static readonly'. Adds what is missing: the map is one kernel object, created once.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapFieldCodeFix)), Shared]
public sealed class MapFieldCodeFix : BpfCodeFix
{
    public const string Id = "BPF0150";

    public MapFieldCodeFix() : base(Id)
    {
    }

    protected override Fix? Plan(Reported reported)
    {
        if (reported.Node.FirstAncestorOrSelf<FieldDeclarationSyntax>() is not { } field)
            return null;
        return new Fix("Make the map field 'static readonly'", (root, _) =>
        {
            var modifiers = WithModifier(WithModifier(field.Modifiers, SyntaxKind.StaticKeyword), SyntaxKind.ReadOnlyKeyword);
            var updated = field.WithModifiers(modifiers);
            if (field.Modifiers.Count == 0)
            {
                updated = updated.WithDeclaration(field.Declaration.WithType(field.Declaration.Type.WithLeadingTrivia()))
                    .WithModifiers(SyntaxFactory.TokenList(System.Linq.Enumerable.Select(modifiers, (m, i) => i == 0 ? m.WithLeadingTrivia(field.Declaration.Type.GetLeadingTrivia()) : m)));
            }
            return root.ReplaceNode(field, updated);
        });
    }
}
