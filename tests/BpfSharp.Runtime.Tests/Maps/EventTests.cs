namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>Ring and perf buffers fed by programs run with BPF_PROG_TEST_RUN: every event is consumed or counted as dropped.</summary>
public sealed class EventTests
{
    private static readonly byte[] Packet = new byte[64];

    [KernelFact]
    public void Ring_buffer_one_million_events_produced_equals_consumed_plus_dropped()
    {
        Kernel.Require();
        const uint events = 1_000_000;
        using var obj = BpfObject.Load(ClangObjects.Compile("ringbuf_output"));
        using var reader = new RingBufferReader<ulong>(obj.Map("events"));
        var stats = new BpfArrayMap<ulong>(obj.Map("stats"));

        long consumed = 0;
        ulong previous = 0;
        bool ordered = true, first = true;
        bool Handle(ReadOnlySpan<byte> record)
        {
            ulong sequence = RingBufferReader<ulong>.Decode(record);
            ordered &= first || sequence > previous;
            first = false;
            previous = sequence;
            consumed++;
            return true;
        }

        using var done = new ManualResetEventSlim();
        var consumer = Task.Run(() =>
        {
            while (!done.IsSet)
                reader.Poll(Handle, timeoutMilliseconds: 10);
            reader.Consume(Handle);
        });
        try
        {
            var program = obj.Program("produce");
            // Several runs, so the consumer gets CPU time between bursts and most events are read rather than dropped.
            for (int i = 0; i < 10; i++)
                program.TestRun(new TestRunOptions { Data = Packet, Repeat = events / 10 });
        }
        finally
        {
            done.Set();
            consumer.Wait(TimeSpan.FromSeconds(30));
        }

        ulong produced = stats[0], dropped = stats[1];
        BpfSharp.Tests.SuiteReport.Line($"ring buffer: produced {produced}, consumed {consumed}, dropped {dropped}");
        Assert.Equal(events, produced);
        Assert.True(consumed > 0 && dropped > 0, "the ring is sized so that both reading and dropping happen");
        Assert.Equal((long)produced, consumed + (long)dropped);
        Assert.Equal(consumed, reader.Consumed);
        Assert.True(ordered, "records arrived out of order");
        Assert.Equal(0, reader.Pending);
    }

    [KernelFact]
    public async Task Ring_buffer_as_async_stream()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("ringbuf_output"));
        using var reader = new RingBufferReader<ulong>(obj.Map("events"));
        obj.Program("produce").TestRun(new TestRunOptions { Data = Packet, Repeat = 100 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<ulong>();
        await foreach (var sequence in reader.ReadAllAsync(cancel.Token))
        {
            received.Add(sequence);
            if (received.Count == 100)
                break;
        }
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (ulong)i), received);
    }

    [KernelFact]
    public void Perf_buffer_reports_samples_and_lost_counts()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("perf_output"));
        Assert.Equal((uint)PossibleCpus.Count, obj.Map("samples").MaxEntries);
        using var reader = new PerfBufferReader<ulong>(obj.Map("samples"), pagesPerCpu: 1);
        var stats = new BpfArrayMap<ulong>(obj.Map("stats"));

        // One page per CPU and nobody reading during the run: most outputs must fail and be reported lost.
        obj.Program("emit").TestRun(new TestRunOptions { Data = Packet, Repeat = 10_000 });
        var sequences = new List<ulong>();
        long lostReported = 0;
        void Drain() => reader.Consume((_, sample) =>
        {
            sequences.Add(PerfBufferReader<ulong>.Decode(sample));
            return true;
        }, (_, lost) => lostReported += (long)lost);
        Drain();
        // A CPU's lost count is written into its ring only with that CPU's next output, so emit once from a thread
        // pinned to each online CPU (a test run runs where its caller does) until every failed output is reported.
        for (int round = 0; round < 20 && reader.Lost < (long)stats[1]; round++)
        {
            foreach (int cpu in OnlineCpus.Read())
            {
                CpuAffinity.RunOn(cpu, () => obj.Program("emit").TestRun(new TestRunOptions { Data = Packet }));
                Drain();
            }
        }

        ulong produced = stats[0], failed = stats[1];
        Assert.True(produced > 10_000, "the single runs count too");
        Assert.True(failed > 0, "a one-page ring should overflow");
        Assert.Equal((long)produced, sequences.Count + (long)failed);
        Assert.Equal((long)failed, reader.Lost);
        Assert.Equal(reader.Lost, lostReported);
        Assert.Equal(sequences.Order(), sequences);
    }
}
