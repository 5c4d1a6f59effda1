using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.CodeFixes;

/// <summary>
/// BPF0002: the class of a [BpfProgram] method (or a class around it) is not 'static partial'. Adds 'partial' to
/// the declaration, and 'static' to the class that declares the programs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProgramClassCodeFix)), Shared]
public sealed class ProgramClassCodeFix : BpfCodeFix
{
    public const string Id = "BPF0002";

    public ProgramClassCodeFix() : base(Id)
    {
    }

    protected override Fix? Plan(Reported reported)
    {
        if (reported.Node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
            return null;
        bool declaresPrograms = declaration.Members.OfType<MethodDeclarationSyntax>()
            .Any(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "BpfProgram" or "BpfProgramAttribute" or "BpfSharp.BpfProgram"));
        string what = declaresPrograms ? "static partial" : "partial";
        return new Fix($"Make '{declaration.Identifier.Text}' {what}", (root, _) =>
        {
            var modifiers = declaration.Modifiers;
            if (declaresPrograms)
                modifiers = WithModifier(modifiers, SyntaxKind.StaticKeyword);
            modifiers = WithModifier(modifiers, SyntaxKind.PartialKeyword);
            var updated = declaration.WithModifiers(modifiers);
            if (declaration.Modifiers.Count == 0)
            {
                // The keyword's leading trivia (indentation, comments) moves to the first modifier.
                updated = updated.WithKeyword(declaration.Keyword.WithLeadingTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(modifiers.Select((m, i) => i == 0 ? m.WithLeadingTrivia(declaration.Keyword.LeadingTrivia) : m)));
            }
            return root.ReplaceNode(declaration, updated);
        });
    }
}
