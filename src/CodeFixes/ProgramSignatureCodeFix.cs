using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace BpfSharp.CodeFixes;

/// <summary>
/// BPF0004: a program's signature does not fit its attribute. Makes it 'static', gives it the return type the
/// program type has, and gives its one parameter (or a new 'ctx') the context type; the body is left as it is.
/// A generic context (TracepointContext&lt;T&gt;) is not guessed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProgramSignatureCodeFix)), Shared]
public sealed class ProgramSignatureCodeFix : BpfCodeFix
{
    public const string Id = "BPF0004";

    // "Program 'Run' must be declared 'static int Run(RawTracepointContext ctx)' for its program type"
    private static readonly Regex Signature = new(@"must be declared 'static (?<return>\S+) (?<name>\w+)\((?<context>\S+) ctx\)'", RegexOptions.CultureInvariant);

    public ProgramSignatureCodeFix() : base(Id)
    {
    }

    protected override Fix? Plan(Reported reported)
    {
        var match = Signature.Match(reported.Message);
        if (!match.Success || reported.Node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method || method.ParameterList.Parameters.Count > 1)
            return null;
        string returnType = match.Groups["return"].Value;
        string context = match.Groups["context"].Value;
        bool genericContext = context.Contains('<');
        if (genericContext && method.ParameterList.Parameters.Count == 0)
            return null;
        return new Fix($"Declare '{method.Identifier.Text}' as 'static {returnType} {method.Identifier.Text}({context} ctx)'", (root, _) =>
        {
            var updated = method.WithModifiers(WithModifier(method.Modifiers, SyntaxKind.StaticKeyword))
                .WithReturnType(Type(returnType).WithTriviaFrom(method.ReturnType));
            if (method.ParameterList.Parameters.FirstOrDefault() is { } parameter)
            {
                var fixedParameter = parameter.WithModifiers(default);
                if (!genericContext)
                    fixedParameter = fixedParameter.WithType(Type("BpfSharp." + context).WithTriviaFrom(parameter.Type!));
                updated = updated.WithParameterList(method.ParameterList.ReplaceNode(parameter, fixedParameter.WithLeadingTrivia(parameter.GetLeadingTrivia())));
            }
            else
            {
                updated = updated.WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Parameter(SyntaxFactory.Identifier("ctx")).WithType(Type("BpfSharp." + context).WithTrailingTrivia(SyntaxFactory.Space)))));
            }
            return root.ReplaceNode(method, updated);
        });
    }

    /// <summary>A type as the message names it, shortened to what the file's usings allow.</summary>
    private static TypeSyntax Type(string name) =>
        SyntaxFactory.ParseTypeName(name.Contains('.') ? "global::" + name : name).WithAdditionalAnnotations(Simplifier.Annotation);
}
