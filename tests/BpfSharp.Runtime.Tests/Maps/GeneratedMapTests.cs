using BpfSharp.Tests.Programs;

namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>The shared <see cref="MapsAndGlobals"/> program, compiled by the generator in this project, loaded by our runtime.</summary>
public sealed class GeneratedMapTests
{
    [Fact]
    public void Spec_of_the_generated_object_has_its_maps_and_globals()
    {
        var spec = Runtime.Objects.ObjectSpec.Parse(MapsAndGlobals.BpfObjectBytes.ToArray());
        Assert.Null(spec.BtfError);
        var counts = spec.Maps.Single(m => m.Name == "Counts");
        Assert.Equal((MapType.Hash, 4u, 8u, 1024u), (counts.Type, counts.KeySize, counts.ValueSize, counts.MaxEntries));
        Assert.Contains(spec.Maps, m => m.Name == "Slots" && m.Type == MapType.Array);
        Assert.Contains(spec.Variables, v => v.Section.StartsWith(".rodata", StringComparison.Ordinal));
    }

    [KernelFact]
    public void Generated_map_program_counts_through_the_kernel()
    {
        Kernel.Require();
        var step = Runtime.Objects.ObjectSpec.Parse(MapsAndGlobals.BpfObjectBytes.ToArray()).Variables.Single(v => v.Section.StartsWith(".rodata", StringComparison.Ordinal));
        using var skeleton = MapsAndGlobals.Load(new BpfLoadOptions
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
