namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>
/// <see cref="PerfOutputPrograms.Emit"/>, a C# program, writes typed samples to a perf event array; the host reads
/// them as <see cref="PerfSample"/> through the skeleton's reader, and every failed output shows up as lost.
/// </summary>
[Collection(SerialCollection.Name)] // the CLR twin's maps are static fields
public sealed unsafe class PerfOutputProgramTests
{
    private static readonly byte[] Packet = new byte[64];

    [KernelFact]
    public void Typed_samples_from_a_csharp_program_are_read_or_counted_lost()
    {
        Kernel.Require();
        using var skeleton = PerfOutputPrograms.Load();
        using var reader = skeleton.OpenSamplesReader(pagesPerCpu: 1);
        var received = new List<(int Cpu, PerfSample Sample)>();
        long lostReported = 0;
        void Drain() => reader.Consume((cpu, bytes) =>
        {
            received.Add((cpu, PerfBufferReader<PerfSample>.Decode(bytes)));
            return true;
        }, (_, lost) => lostReported += (long)lost);

        // One page per CPU and nobody reading during the run: most outputs fail and must be reported lost.
        skeleton.Emit.TestRun(new TestRunOptions { Data = Packet, Repeat = 10_000 });
        Drain();
        // A CPU's lost count reaches its ring only with that CPU's next output: emit once on each CPU until all are in.
        for (int round = 0; round < 20 && reader.Lost < (long)skeleton.Stats[PerfOutputPrograms.Failed]; round++)
        {
            foreach (int cpu in OnlineCpus.Read())
            {
                CpuAffinity.RunOn(cpu, () => skeleton.Emit.TestRun(new TestRunOptions { Data = Packet }));
                Drain();
            }
        }

        ulong produced = skeleton.Stats[PerfOutputPrograms.Produced], failed = skeleton.Stats[PerfOutputPrograms.Failed];
        Assert.True(produced > 10_000, "the runs pinned to each CPU count too");
        Assert.True(failed > 0, "a one-page ring should overflow");
        Assert.Equal((long)produced, received.Count + (long)failed);
        Assert.Equal((long)failed, reader.Lost);
        Assert.Equal(reader.Lost, lostReported);
        Assert.All(received, r => Assert.Equal((PerfSample.Tag, (uint)r.Cpu), (r.Sample.Marker, r.Sample.Cpu)));
        var sequences = received.Select(r => r.Sample.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public void Clr_twin_outputs_the_same_samples()
    {
        var packet = new byte[64];
        int before = PerfOutputPrograms.Samples.Samples.Count;
        fixed (byte* p = packet)
        {
            var buffer = new XdpBuffer(p, packet.Length);
            for (int i = 0; i < 3; i++)
                Assert.Equal(XdpAction.Pass, PerfOutputPrograms.Emit(new XdpContext(&buffer)));
        }

        var samples = PerfOutputPrograms.Samples.Samples.Skip(before).ToList();
        Assert.Equal(3, samples.Count);
        var decoded = samples.Select(s => PerfBufferReader<PerfSample>.Decode(s.Data)).ToList();
        Assert.All(decoded, s => Assert.Equal((PerfSample.Tag, BpfClr.ProcessorId), (s.Marker, s.Cpu)));
        Assert.Equal(decoded.Select(s => s.Sequence).Order(), decoded.Select(s => s.Sequence));
        Assert.Equal(0UL, *PerfOutputPrograms.Stats.Lookup(PerfOutputPrograms.Failed));
    }
}
