using System.Runtime.CompilerServices;

namespace BpfSharp.Tests;

/// <summary>
/// Approved-file snapshots (our stand-in for Verify, which the package registry here lacks): the approved text
/// lives beside the test as <c>Snapshots/&lt;name&gt;.approved.txt</c>. A mismatch writes <c>.received.txt</c>
/// and fails; run with <c>BPFSHARP_UPDATE_SNAPSHOTS=1</c> to accept the received text.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string approved = Path.Combine(directory, name + ".approved.txt");
        string received = Path.Combine(directory, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable("BPFSHARP_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(approved, actual);
            File.Delete(received);
            return;
        }

        string? expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No approved snapshot {approved}; the received text is in {received}. Set BPFSHARP_UPDATE_SNAPSHOTS=1 to accept it."
            : $"Snapshot {name} differs from {approved}; see {received}. Set BPFSHARP_UPDATE_SNAPSHOTS=1 to accept it.\n" + FirstDifference(expected, actual));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al)
                return $"line {i + 1}:\n  approved: {el}\n  received: {al}";
        }
        return "";
    }
}
