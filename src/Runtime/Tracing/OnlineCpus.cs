using System.Globalization;

namespace BpfSharp.Runtime;

/// <summary>The CPUs the kernel has online, from /sys/devices/system/cpu/online (a list like <c>0-3,6</c>).</summary>
public static class OnlineCpus
{
    public static IReadOnlyList<int> Read() => Parse(File.ReadAllText("/sys/devices/system/cpu/online"));

    public static IReadOnlyList<int> Parse(string list)
    {
        var cpus = new List<int>();
        foreach (var part in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            int first = int.Parse(dash < 0 ? part : part[..dash], CultureInfo.InvariantCulture);
            int last = dash < 0 ? first : int.Parse(part[(dash + 1)..], CultureInfo.InvariantCulture);
            for (int cpu = first; cpu <= last; cpu++)
                cpus.Add(cpu);
        }
        return cpus;
    }
}
