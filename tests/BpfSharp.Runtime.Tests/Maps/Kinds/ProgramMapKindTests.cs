namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>
/// Each map kind used from a C# program compiled by the generator: the kernel's answers through BPF_PROG_TEST_RUN,
/// and the same method run in the CLR against the in-memory twin, which must answer the same.
/// </summary>
[Collection(SerialCollection.Name)] // the CLR twins' maps are static fields
public sealed class ProgramMapKindTests
{
    // (op, value) → result, for both sides: pushes, peeks, pops in FIFO and LIFO order, a full push, an empty pop.
    private static readonly (ulong Op, ulong Value, int Expected)[] ContainerScript =
    [
        (ContainerPrograms.Push, 10, 0), (ContainerPrograms.Push, 20, 0), (ContainerPrograms.Push, 30, 0),
        (ContainerPrograms.Push, 40, -7), // E2BIG: both hold 3
        (ContainerPrograms.PeekQueue, 0, 10), (ContainerPrograms.PeekStack, 0, 30),
        (ContainerPrograms.PopQueue, 0, 10), (ContainerPrograms.PopStack, 0, 30),
        (ContainerPrograms.PopQueue, 0, 20), (ContainerPrograms.PopStack, 0, 20),
        (ContainerPrograms.PopQueue, 0, 30), (ContainerPrograms.PopStack, 0, 10),
        (ContainerPrograms.PopQueue, 0, -2), (ContainerPrograms.PeekStack, 0, -2), // ENOENT: empty
    ];

    private static readonly (string Cidr, uint Hop)[] Routes = [("10.0.0.0/8", 8), ("10.1.0.0/16", 16), ("10.1.2.0/24", 24)];

    private static readonly (string Address, int Hop)[] RouteQueries =
        [("10.1.2.3", 24), ("10.1.3.3", 16), ("10.200.0.1", 8), ("11.0.0.1", LpmTriePrograms.NoRoute)];

    [KernelFact]
    public void Tail_call_runs_the_program_the_host_put_in_the_slot_and_falls_through_an_empty_one()
    {
        Kernel.Require();
        using var skeleton = TailCallPrograms.Load();
        skeleton.Jumps.Set(1, skeleton.Double);
        skeleton.Jumps.Set(2, skeleton.Negate);
        Assert.Equal(42, RawTracepointRun.Kernel(skeleton.Dispatch, 1, 21));
        Assert.Equal(-5, RawTracepointRun.Kernel(skeleton.Dispatch, 2, 5));
        Assert.Equal(TailCallPrograms.FellThrough, RawTracepointRun.Kernel(skeleton.Dispatch, 3, 5)); // empty slot
        Assert.Equal(TailCallPrograms.FellThrough, RawTracepointRun.Kernel(skeleton.Dispatch, 9, 5)); // past the end
        Assert.True(skeleton.Jumps.Clear(1));
        Assert.Equal(TailCallPrograms.FellThrough, RawTracepointRun.Kernel(skeleton.Dispatch, 1, 21));
    }

    [Fact]
    public void Tail_call_clr_twin_answers_the_same()
    {
        try
        {
            TailCallPrograms.Jumps.Set<RawTracepointContext>(1, TailCallPrograms.Double);
            TailCallPrograms.Jumps.Set<RawTracepointContext>(2, TailCallPrograms.Negate);
            Assert.Equal(42, RawTracepointRun.Clr(TailCallPrograms.Dispatch, 1, 21));
            Assert.Equal(-5, RawTracepointRun.Clr(TailCallPrograms.Dispatch, 2, 5));
            Assert.Equal(TailCallPrograms.FellThrough, RawTracepointRun.Clr(TailCallPrograms.Dispatch, 3, 5));
            Assert.Equal(TailCallPrograms.FellThrough, RawTracepointRun.Clr(TailCallPrograms.Dispatch, 9, 5));
            TailCallPrograms.Jumps.Clear(1);
            Assert.Equal(TailCallPrograms.FellThrough, RawTracepointRun.Clr(TailCallPrograms.Dispatch, 1, 21));
        }
        finally
        {
            TailCallPrograms.Jumps.Clear(1);
            TailCallPrograms.Jumps.Clear(2);
        }
    }

    [KernelFact]
    public void Queue_and_stack_push_pop_and_peek_from_the_program()
    {
        Kernel.Require();
        using var skeleton = ContainerPrograms.Load();
        var results = ContainerScript.Select(s => RawTracepointRun.Kernel(skeleton.Exchange, s.Op, s.Value));
        Assert.Equal(ContainerScript.Select(s => s.Expected), results);
        // What the program pushed, the host pops (and the reverse), in the same order.
        RawTracepointRun.Kernel(skeleton.Exchange, ContainerPrograms.Push, 7);
        skeleton.Fifo.Push(8);
        Assert.True(skeleton.Fifo.TryPop(out ulong first));
        Assert.Equal((7UL, 8), (first, RawTracepointRun.Kernel(skeleton.Exchange, ContainerPrograms.PopQueue, 0)));
    }

    [Fact]
    public void Queue_and_stack_clr_twins_answer_the_same()
    {
        var results = ContainerScript.Select(s => RawTracepointRun.Clr(ContainerPrograms.Exchange, s.Op, s.Value));
        Assert.Equal(ContainerScript.Select(s => s.Expected), results);
        Assert.Equal(0, ContainerPrograms.Fifo.Count + ContainerPrograms.Lifo.Count);
    }

    [KernelFact]
    public void Lpm_trie_lookup_from_the_program_finds_the_longest_prefix_the_host_stored()
    {
        Kernel.Require();
        using var skeleton = LpmTriePrograms.Load();
        foreach (var (cidr, hop) in Routes)
            skeleton.Routes.Update(Ipv4Prefix.Parse(cidr), hop);
        var hops = RouteQueries.Select(q => RawTracepointRun.Kernel(skeleton.Route, Ipv4Prefix.AddressOf(q.Address)));
        Assert.Equal(RouteQueries.Select(q => q.Hop), hops);
    }

    [Fact]
    public void Lpm_trie_clr_twin_answers_the_same()
    {
        try
        {
            foreach (var (cidr, hop) in Routes)
                LpmTriePrograms.Routes.Update(Ipv4Prefix.Parse(cidr), hop);
            var hops = RouteQueries.Select(q => RawTracepointRun.Clr(LpmTriePrograms.Route, Ipv4Prefix.AddressOf(q.Address)));
            Assert.Equal(RouteQueries.Select(q => q.Hop), hops);
        }
        finally
        {
            foreach (var (cidr, _) in Routes)
                LpmTriePrograms.Routes.Delete(Ipv4Prefix.Parse(cidr));
        }
    }

    [KernelFact]
    public void Bloom_filter_push_and_peek_from_the_program_with_the_declared_hash_count()
    {
        Kernel.Require();
        using var skeleton = BloomFilterPrograms.Load();
        Assert.Equal(BloomFilterPrograms.Hashes, skeleton.Seen.Map.Info.MapExtra); // map_extra from `hashes:`
        var added = Enumerable.Range(1, 100).Select(i => (ulong)i * 7919).ToList();
        Assert.All(added, v => Assert.Equal(0, RawTracepointRun.Kernel(skeleton.Filter, 0, v)));
        Assert.All(added, v => Assert.Equal(0, RawTracepointRun.Kernel(skeleton.Filter, 1, v)));
        Assert.All(added, v => Assert.True(skeleton.Seen.Contains(v)));
        // Never added: a bloom filter may say "maybe" for a few, but 1000 bits' worth of room keeps most absent.
        int absent = Enumerable.Range(1, 200).Count(i => RawTracepointRun.Kernel(skeleton.Filter, 1, (ulong)i * 7919 + 1) == -2);
        Assert.True(absent > 180, $"{absent} of 200 values never added were reported absent");
    }

    [Fact]
    public void Bloom_filter_clr_twin_answers_the_same()
    {
        Assert.Equal(BloomFilterPrograms.Hashes, BloomFilterPrograms.Seen.Hashes);
        var added = Enumerable.Range(1, 100).Select(i => (ulong)i * 7919).ToList();
        Assert.All(added, v => Assert.Equal(0, RawTracepointRun.Clr(BloomFilterPrograms.Filter, 0, v)));
        Assert.All(added, v => Assert.Equal(0, RawTracepointRun.Clr(BloomFilterPrograms.Filter, 1, v)));
        int absent = Enumerable.Range(1, 200).Count(i => RawTracepointRun.Clr(BloomFilterPrograms.Filter, 1, (ulong)i * 7919 + 1) == -2);
        Assert.Equal(200, absent); // the twin is exact, one of the answers the kernel may give
    }

    [KernelFact]
    public void Stack_id_from_the_program_names_a_stack_of_kernel_frames()
    {
        Kernel.Require();
        using var skeleton = StackIdPrograms.Load();
        int id = RawTracepointRun.Kernel(skeleton.Capture);
        Assert.True(id >= 0, $"bpf_get_stackid returned {id}");
        Assert.Equal(id, RawTracepointRun.Kernel(skeleton.Capture)); // the same stack, the same id
        var frames = skeleton.Stacks.Frames((uint)id);
        Assert.NotNull(frames);
        Assert.NotEmpty(frames);
        Assert.InRange(frames.Length, 1, (int)skeleton.Stacks.MaxDepth);
        Assert.All(frames, ip => Assert.True(ip >= 0xffff_8000_0000_0000, $"{ip:x} is not a kernel address"));
        Assert.Equal([(uint)id], skeleton.Stacks.StackIds);
    }

    [Fact]
    public void Stack_id_clr_twin_answers_the_same()
    {
        int first = RawTracepointRun.Clr(StackIdPrograms.Capture);
        int second = RawTracepointRun.Clr(StackIdPrograms.Capture);
        Assert.True(first >= 0);
        Assert.Equal(first, second);
        Assert.Contains(StackIdPrograms.Stacks.Frames(first), f => f.Contains(nameof(RawTracepointRun), StringComparison.Ordinal));
    }
}
