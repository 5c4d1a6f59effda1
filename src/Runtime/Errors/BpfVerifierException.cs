using System;

namespace BpfSharp.Runtime;

/// <summary>The verifier rejected a program (or the kernel rejected BTF); <see cref="Log"/> holds the kernel's complete log.</summary>
public sealed class BpfVerifierException : BpfException
{
    public BpfVerifierException(string command, int errno, string objectName, string log)
        : base(command, errno, Describe(objectName, log))
    {
        ObjectName = objectName;
        Log = log;
    }

    /// <summary>The program (or BTF) name the load was for.</summary>
    public string ObjectName { get; }

    /// <summary>The full verifier log, as the kernel wrote it.</summary>
    public string Log { get; }

    // The verifier's last lines say why it gave up; putting them in the message saves a trip to the log.
    private static string Describe(string objectName, string log)
    {
        var lines = log.TrimEnd('\n', '\0', ' ').Split('\n');
        var tail = string.Join(Environment.NewLine, lines[Math.Max(0, lines.Length - 3)..]);
        return tail.Length == 0
            ? $"'{objectName}' was rejected and the kernel wrote no log."
            : $"'{objectName}' was rejected by the verifier:{Environment.NewLine}{tail}";
    }
}
