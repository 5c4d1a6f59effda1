namespace BpfSharp.Runtime;

/// <summary>
/// CPU lists from sysfs ("0-3,5"). Per-CPU map values carry one slot per possible CPU, not per online one, and perf
/// buffers open one ring per online CPU.
/// </summary>
public static class PossibleCpus
{
    private static readonly Lazy<int> s_count = new(() => Parse(File.ReadAllText("/sys/devices/system/cpu/possible")).Max() + 1);

    /// <summary>The number of possible CPUs (highest id + 1), the length of per-CPU value arrays.</summary>
    public static int Count => s_count.Value;

    /// <summary>The CPUs online now.</summary>
    public static IReadOnlyList<int> Online() => Parse(File.ReadAllText("/sys/devices/system/cpu/online"));

    /// <summary>Parses a sysfs CPU list such as <c>0-3,8,10-11</c>.</summary>
    public static IReadOnlyList<int> Parse(string list)
    {
        var cpus = new List<int>();
        foreach (var part in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-');
            if (dash < 0)
            {
                cpus.Add(int.Parse(part));
                continue;
            }
            int first = int.Parse(part.AsSpan(0, dash)), last = int.Parse(part.AsSpan(dash + 1));
            for (int cpu = first; cpu <= last; cpu++)
                cpus.Add(cpu);
        }
        return cpus;
    }
}
