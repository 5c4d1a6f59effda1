using System;
using System.Text.RegularExpressions;

namespace BpfSharp.Runtime;

/// <summary>
/// What a verifier log says, in source terms: the instruction it stopped at, the source line that instruction
/// came from (the kernel prints <c>; text @ file:line</c> from the program's BTF line info), and its reason.
/// </summary>
/// <param name="File">The source file of the failing instruction, when the program carried line info.</param>
/// <param name="Line">Its 1-based line.</param>
/// <param name="SourceText">The source line as the kernel quoted it.</param>
/// <param name="Instruction">The failing instruction as the verifier printed it, e.g. <c>7: (79) r1 = *(u64 *)(r0 +0)</c>.</param>
/// <param name="Reason">The verifier's own words after that instruction, joined into one line.</param>
public sealed record VerifierLog(string? File, int? Line, string? SourceText, string? Instruction, string Reason)
{
    private static readonly Regex InstructionLine = new(@"^\d+: \([0-9a-f]{2}\) ", RegexOptions.Compiled);
    private static readonly Regex SourceLine = new(@"^; (?<text>.*?) @ (?<file>.+):(?<line>\d+)$", RegexOptions.Compiled);
    private static readonly Regex Trailer = new(@"^(verification time|stack depth|processed \d+ insns|Live regs before insn)", RegexOptions.Compiled);

    public static VerifierLog Parse(string log) => Parse(log, null);

    /// <summary>
    /// As <see cref="Parse(string)"/>, but the failing instruction's line comes from the program's own line table when
    /// there is one: the log repeats a line only when it changes, so the last line it printed may be another path's.
    /// </summary>
    internal static VerifierLog Parse(string log, SourceLines? source)
    {
        var lines = log.Replace("\r", "").TrimEnd('\n', '\0', ' ').Split('\n');
        int end = lines.Length;
        while (end > 0 && (Trailer.IsMatch(lines[end - 1]) || lines[end - 1].Trim().Length == 0))
            end--;

        int failing = -1;
        for (int i = end - 1; i >= 0; i--)
        {
            if (InstructionLine.IsMatch(lines[i]))
            {
                failing = i;
                break;
            }
        }

        string reason = string.Join(" ", lines[(failing + 1)..end]).Trim();
        if (reason.Length == 0 && end > 0)
            reason = lines[end - 1].Trim();
        if (failing < 0)
            return new VerifierLog(null, null, null, null, reason);

        string instruction = lines[failing].Split(';')[0].TrimEnd();
        int index = int.Parse(lines[failing].AsSpan(0, lines[failing].IndexOf(':')), System.Globalization.CultureInfo.InvariantCulture);
        if (source?.At(index) is { } known)
            return new VerifierLog(known.File, known.Line, known.Text.Trim(), instruction, reason);
        for (int i = failing - 1; i >= 0; i--)
        {
            var match = SourceLine.Match(lines[i]);
            if (!match.Success)
                continue;
            int line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (line == 0)
                continue; // compiler-generated code has no line; the statement before it is the one to show
            return new VerifierLog(match.Groups["file"].Value, line, match.Groups["text"].Value.Trim(), instruction, reason);
        }
        return new VerifierLog(null, null, null, instruction, reason);
    }

    /// <summary>The reason in a sentence a C# developer can act on, followed by the kernel's words.</summary>
    public string Explanation => VerifierReasons.Explain(Reason);
}
