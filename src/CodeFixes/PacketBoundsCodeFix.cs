using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.CodeFixes;

/// <summary>
/// BPF0201: packet bytes read beyond what a comparison with DataEnd has proven. Inserts
/// <c>if (data + n > ctx.DataEnd) return ...;</c> before the statement that reads them. The bound (pointer and byte
/// count) is the one the analysis computed and put in its message; the context is the method's first parameter.
/// A read at a variable index has no such fix (the verifier wants the pointer in a local, checked and read through),
/// nor a read through a pointer no comparison can prove (DataEnd, or one a helper invalidated).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PacketBoundsCodeFix)), Shared]
public sealed class PacketBoundsCodeFix : BpfCodeFix
{
    public const string Id = "BPF0201";

    // The message ends "check first, e.g. 'if (<bound> > ctx.DataEnd) return ...;'".
    private static readonly Regex Bound = new(@"'if \((?<bound>.+) > ctx\.DataEnd\) return \.\.\.;'", RegexOptions.CultureInvariant);

    public PacketBoundsCodeFix() : base(Id)
    {
    }

    protected override Fix? Plan(Reported reported)
    {
        var match = Bound.Match(reported.Message);
        if (!match.Success || reported.Message.Contains("past a variable index") || reported.Message.Contains("no comparison can prove")
            || reported.Node.FirstAncestorOrSelf<StatementSyntax>() is not { } use
            || reported.Node.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.ParameterList.Parameters.FirstOrDefault() is not { } contextParameter)
            return null;
        string condition = $"{match.Groups["bound"].Value} > {contextParameter.Identifier.Text}.DataEnd";
        return new Fix($"Return early unless '{condition}' is false", (root, model) =>
            Insert(root, use, SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression(condition), ProgramReturn.For(use, model))));
    }
}
