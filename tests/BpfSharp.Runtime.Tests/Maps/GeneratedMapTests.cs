namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>A C# program with maps and globals, compiled by the generator in this project, loaded by our runtime.</summary>
public static unsafe partial class GeneratedCounter
{
    static readonly HashMap<uint, ulong> Counts = new(maxEntries: 64);
    static readonly ArrayMap<ulong> Slots = new(4);

    static readonly uint Step = 2;
    static ulong Total = 5;
    static ulong Seen;

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Count(RawTracepointContext ctx)
    {
        uint key = 7;
        ulong* value = Counts.Lookup(key);
        if (value != null)
            Bpf.AtomicAdd(value, Step);
        else
            Counts.Update(key, Step);
        Seen++;
        Total += Seen;
        uint slot = 1;
        Slots.Update(slot, Seen);
        return 0;
    }
}

public sealed class GeneratedMapTests
{
    [Fact]
    public void Spec_of_the_generated_object_has_its_maps_and_globals()
    {
        var spec = Runtime.Objects.ObjectSpec.Parse(GeneratedCounter.BpfObjectBytes.ToArray());
        Assert.Null(spec.BtfError);
        var counts = spec.Maps.Single(m => m.Name == "Counts");
        Assert.Equal((MapType.Hash, 4u, 8u, 64u), (counts.Type, counts.KeySize, counts.ValueSize, counts.MaxEntries));
        Assert.Contains(spec.Maps, m => m.Name == "Slots" && m.Type == MapType.Array);
        Assert.Contains(spec.Variables, v => v.Section.StartsWith(".rodata", StringComparison.Ordinal));
    }

    [KernelFact]
    public void Generated_map_program_counts_through_the_kernel()
    {
        Kernel.Require();
        var step = Runtime.Objects.ObjectSpec.Parse(GeneratedCounter.BpfObjectBytes.ToArray()).Variables.Single(v => v.Section.StartsWith(".rodata", StringComparison.Ordinal));
        using var skeleton = GeneratedCounter.Load(new BpfLoadOptions
        {
            GlobalValues = new Dictionary<string, byte[]> { [step.Name] = BitConverter.GetBytes(3u) },
        });
        for (int i = 0; i < 3; i++)
            skeleton.Count.TestRun(new TestRunOptions { Context = new byte[8] });

        var obj = skeleton.Object;
        Assert.Equal(9UL, new BpfHashMap<uint, ulong>(obj.Map("Counts")).Lookup(7));
        Assert.Equal(3UL, new BpfArrayMap<ulong>(obj.Map("Slots"))[1]);
        var seen = obj.Spec.Variables.Single(v => v.Name.Contains("Seen", StringComparison.Ordinal));
        var total = obj.Spec.Variables.Single(v => v.Name.Contains("Total", StringComparison.Ordinal));
        Assert.Equal(3UL, obj.Globals.Read<ulong>(seen.Name));
        Assert.Equal(5UL + 1 + 2 + 3, obj.Globals.Read<ulong>(total.Name));
    }
}
