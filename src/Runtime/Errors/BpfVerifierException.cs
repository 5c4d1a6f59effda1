using System;
using System.Text;

namespace BpfSharp.Runtime;

/// <summary>
/// The verifier rejected a program (or the kernel rejected BTF). The message names the C# file and line of the
/// failing instruction (when the program carried BTF line info), quotes it, and explains the verifier's reason in
/// one paragraph before the end of the raw log; <see cref="Log"/> holds the kernel's complete log.
/// </summary>
public sealed class BpfVerifierException : BpfException
{
    private const int TailLines = 12;

    public BpfVerifierException(string command, int errno, string objectName, string log)
        : this(command, errno, objectName, log, VerifierLog.Parse(log))
    {
    }

    internal BpfVerifierException(string command, int errno, string objectName, string log, SourceLines? source)
        : this(command, errno, objectName, log, VerifierLog.Parse(log, source))
    {
    }

    private BpfVerifierException(string command, int errno, string objectName, string log, VerifierLog parsed)
        : base(command, errno, Describe(objectName, log, parsed))
    {
        ObjectName = objectName;
        Log = log;
        Failure = parsed;
    }

    /// <summary>The program (or BTF) name the load was for.</summary>
    public string ObjectName { get; }

    /// <summary>The full verifier log, as the kernel wrote it.</summary>
    public string Log { get; }

    /// <summary>Where and why the verifier stopped, in source terms.</summary>
    public VerifierLog Failure { get; }

    /// <summary>The source file of the failing instruction, or null without line info.</summary>
    public string? SourceFile => Failure.File;

    /// <summary>The 1-based source line of the failing instruction, or null without line info.</summary>
    public int? SourceLine => Failure.Line;

    internal static string Describe(string objectName, string log, VerifierLog parsed)
    {
        var lines = log.TrimEnd('\n', '\0', ' ').Split('\n');
        if (log.Trim('\n', '\0', ' ').Length == 0)
            return $"'{objectName}' was rejected and the kernel wrote no log.";

        var text = new StringBuilder();
        text.Append('\'').Append(objectName).Append("' was rejected by the verifier");
        if (parsed.File is not null)
        {
            text.Append(" at ").Append(parsed.File).Append('(').Append(parsed.Line).Append("):").AppendLine();
            text.Append("    ").Append(parsed.SourceText).AppendLine();
        }
        else
        {
            text.Append(':').AppendLine();
        }
        text.Append(parsed.Explanation);
        if (parsed.Reason.Length > 0 && !parsed.Explanation.EndsWith(parsed.Reason, StringComparison.Ordinal))
            text.Append(" The verifier said: ").Append(parsed.Reason);
        text.AppendLine().AppendLine();
        text.Append(lines.Length > TailLines ? "Verifier log (last lines; the exception's Log has all of it):" : "Verifier log:").AppendLine();
        text.Append(string.Join(Environment.NewLine, lines[Math.Max(0, lines.Length - TailLines)..]));
        return text.ToString();
    }
}
