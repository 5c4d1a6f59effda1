using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace BpfSharp.CodeFixes;

/// <summary>
/// BPF0005: a Bpf.Printk call with more than three arguments (bpf_trace_printk's limit). Splits the statement into
/// consecutive calls of at most three, cutting the format literal before every fourth conversion; the calls print
/// what the one call printed, in order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrintkSplitCodeFix)), Shared]
public sealed class PrintkSplitCodeFix : BpfCodeFix
{
    public const string Id = "BPF0005";

    private const int MaxArguments = 3;

    public PrintkSplitCodeFix() : base(Id)
    {
    }

    protected override Fix? Plan(Reported reported)
    {
        if (reported.Node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call
            || call.Parent is not ExpressionStatementSyntax statement
            || call.ArgumentList.Arguments is not { Count: > MaxArguments + 1 } arguments
            || arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None))
            || arguments[0].Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } format
            || Split(format.Token.ValueText) is not { } pieces
            || pieces.Count != (arguments.Count - 1 + MaxArguments - 1) / MaxArguments)
            return null;
        return new Fix($"Split into {pieces.Count} Bpf.Printk calls", (root, _) =>
        {
            var calls = new List<StatementSyntax>();
            for (int i = 0; i < pieces.Count; i++)
            {
                var piece = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(pieces[i])));
                var list = SyntaxFactory.SeparatedList(new[] { piece }.Concat(arguments.Skip(1 + i * MaxArguments).Take(MaxArguments).Select(a => a.WithoutTrivia())));
                var split = SyntaxFactory.ExpressionStatement(call.WithArgumentList(SyntaxFactory.ArgumentList(list)).WithoutTrivia())
                    .WithLeadingTrivia(i == 0 ? statement.GetLeadingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker))
                    .WithTrailingTrivia(i == pieces.Count - 1 ? statement.GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                calls.Add(split);
            }
            if (statement.Parent is BlockSyntax)
                return root.ReplaceNode(statement, calls);
            return root.ReplaceNode(statement, SyntaxFactory.Block(calls).WithAdditionalAnnotations(Formatter.Annotation));
        });
    }

    /// <summary>
    /// The format cut before every fourth conversion, at the last blank after the third so a label ("c=") stays with
    /// its value; null when there is nothing to cut.
    /// </summary>
    internal static List<string>? Split(string format)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        int conversions = 0, lastBlank = -1;
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                current.Append(format[i]);
                if (char.IsWhiteSpace(format[i]) && conversions > 0)
                    lastBlank = current.Length;
                continue;
            }
            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                current.Append("%%");
                i++;
                continue;
            }
            if (conversions == MaxArguments)
            {
                int cut = lastBlank >= 0 ? lastBlank : current.Length;
                pieces.Add(current.ToString(0, cut));
                current.Remove(0, cut);
                conversions = 0;
            }
            int end = ConversionEnd(format, i);
            if (end < 0)
                return null;
            current.Append(format, i, end - i);
            conversions++;
            lastBlank = -1;
            i = end - 1;
        }
        pieces.Add(current.ToString());
        return pieces.Count > 1 ? pieces : null;
    }

    /// <summary>The index after the conversion starting at <paramref name="start"/> (flags, width, l/h and the letter; %p with its modifier), or -1.</summary>
    private static int ConversionEnd(string format, int start)
    {
        int i = start + 1;
        while (i < format.Length && "-+ #0123456789.lh".IndexOf(format[i]) >= 0)
            i++;
        if (i >= format.Length || "diuxXopsc".IndexOf(format[i]) < 0)
            return -1;
        if (format[i] == 'p' && i + 1 < format.Length && "KxBiI".IndexOf(format[i + 1]) >= 0)
        {
            i++;
            if (i + 1 < format.Length && format[i + 1] is '4' or '6')
                i++;
        }
        return i + 1;
    }
}
