using System.Globalization;

namespace BpfSharp.Runtime;

/// <summary>
/// The kprobe and uprobe perf PMUs (Linux 4.17+): their perf type and the config bit that makes a probe a return
/// probe, read from /sys/bus/event_source/devices/NAME.
/// </summary>
internal sealed record DynamicPmu(string Name, uint Type, int RetprobeBit)
{
    private const string Devices = "/sys/bus/event_source/devices";

    /// <summary>The PMU, or a <see cref="BpfNotSupportedException"/> naming <paramref name="feature"/> when the kernel has none.</summary>
    public static DynamicPmu Get(string name, string feature)
    {
        string dir = Path.Combine(Devices, name);
        string typePath = Path.Combine(dir, "type");
        if (!File.Exists(typePath))
            throw new BpfNotSupportedException(feature, $"{dir} does not exist (the kernel was built without CONFIG_{name.ToUpperInvariant()}_EVENTS).");
        uint type = uint.Parse(File.ReadAllText(typePath).Trim(), CultureInfo.InvariantCulture);
        // format/retprobe reads "config:0": the bit of perf_event_attr.config.
        string retprobe = File.ReadAllText(Path.Combine(dir, "format", "retprobe")).Trim();
        int bit = int.Parse(retprobe[(retprobe.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        return new DynamicPmu(name, type, bit);
    }
}
