using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Tests.Compiler;

namespace BpfSharp.Tests.Maps;

/// <summary>What map calls, atomics and globals compile to, instruction by instruction, and what they are refused for.</summary>
public class MapCompilerTests
{
    private const string Maps = """
        static readonly HashMap<uint, ulong> Counts = new(maxEntries: 64);
        static readonly QueueMap<uint> Pending = new(8);
        static readonly RingBuffer Events = new(4096);
        """;

    [Fact]
    public void Lookup_passes_the_map_by_relocated_ld_imm64_and_the_key_by_stack_address()
    {
        var f = CompilerHarness.CompileProgram(Maps + """
            public static int Prog(RawTracepointContext ctx)
            {
                uint key = 3;
                return Counts.Lookup(key) != null ? 1 : 0;
            }
            """);
        var listing = MapListing.Of(f);
        Assert.Equal("r1 = 0 ll", listing[1]);
        Assert.Equal(new[] { "r2 = r10", "r2 += -4", "call 1" }, listing.Skip(2).Take(3));
        var relocation = Assert.Single(f.Relocations);
        Assert.Equal(new CodeRelocation(1, RelocationKind.Map, "Counts"), relocation);
    }

    [Fact]
    public void Update_spills_constant_arguments_and_passes_flags()
    {
        var f = CompilerHarness.CompileProgram(Maps + """
            public static int Prog(RawTracepointContext ctx) => (int)Counts.Update(1, 2, UpdateFlags.NoExist);
            """);
        var listing = MapListing.Of(f);
        Assert.Contains("call 2", listing);
        Assert.Contains("r4 = 1", listing.Select(l => l.Replace("w4", "r4")));
        Assert.Equal(RelocationKind.Map, Assert.Single(f.Relocations).Kind);
        // key (4 bytes) and value (8 bytes) both went to the stack
        Assert.Contains(listing, l => l.StartsWith("*(u32 *)(r10 -", StringComparison.Ordinal) || l.StartsWith("*(u32 *)(r10 -", StringComparison.Ordinal));
        Assert.Contains(listing, l => l.StartsWith("*(u64 *)(r10 -", StringComparison.Ordinal));
    }

    [Fact]
    public void Atomic_add_on_a_lookup_result_is_a_lock_add_after_the_null_check()
    {
        var f = CompilerHarness.CompileProgram(Maps + """
            public static unsafe int Prog(RawTracepointContext ctx)
            {
                uint key = 3;
                ulong* v = Counts.Lookup(key);
                if (v != null)
                    Bpf.AtomicAdd(v, 5);
                return 0;
            }
            """);
        var listing = MapListing.Of(f);
        int call = Array.IndexOf(listing, "call 1");
        Assert.Equal("if r0 == 0 goto +2", listing[call + 1]);
        Assert.Contains(listing, l => l.StartsWith("lock *(u64 *)(r0 + 0) += r", StringComparison.Ordinal));
    }

    [Fact]
    public void TryLookup_copies_the_value_out_or_zeroes_it()
    {
        var f = CompilerHarness.CompileProgram(Maps + """
            public static int Prog(RawTracepointContext ctx)
            {
                uint key = 1;
                // value is read on both paths, so the zeroing on a miss is observable and must stay.
                bool found = Counts.TryLookup(key, out ulong value);
                return (int)value + (found ? 1 : 0);
            }
            """);
        var listing = MapListing.Of(f);
        int call = Array.IndexOf(listing, "call 1");
        int test = Array.FindIndex(listing, call, l => l.StartsWith("if r0 == 0 goto", StringComparison.Ordinal));
        Assert.True(test > call && listing.Skip(call + 1).Take(test - call - 1).All(l => !l.Contains("r0")), "r0 is tested before any other use");
        Assert.True(listing.Any(l => l.Contains("= *(u64 *)(r0 + 0)")), string.Join("\n", listing));
        Assert.True(listing.Any(l => l.StartsWith("*(u64 *)", StringComparison.Ordinal) && l.EndsWith(") = 0", StringComparison.Ordinal)), string.Join("\n", listing)); // zeroed on a miss
    }

    [Fact]
    public void Ring_buffer_reserve_passes_the_record_size_and_submit_takes_the_pointer()
    {
        var f = CompilerHarness.CompileProgram(Maps + """
            public static unsafe int Prog(RawTracepointContext ctx)
            {
                ulong* slot = Events.Reserve<ulong>();
                if (slot == null)
                    return 1;
                Events.Submit(slot);
                return 0;
            }
            """);
        var listing = MapListing.Of(f);
        Assert.Contains("call 131", listing);
        Assert.Contains("call 132", listing);
        int reserve = Array.IndexOf(listing, "call 131");
        Assert.Contains(listing.Take(reserve), l => l is "w2 = 8" or "r2 = 8");
        Assert.Single(f.Relocations, r => r.Symbol == "Events");
    }

    [Fact]
    public void A_struct_key_is_passed_at_its_own_stack_address_whatever_came_before_it()
    {
        // The scalar key takes the first slot; the struct key must not be passed as that slot's address.
        var f = CompilerHarness.CompileProgram(Maps + """
            static readonly HashMap<Pair, ulong> ByPair = new(16);
            public static int Prog(RawTracepointContext ctx)
            {
                uint first = 3;
                ulong* a = Counts.Lookup(first);
                Pair key = default;
                key.A = 7;
                key.B = 9;
                ulong* b = ByPair.Lookup(key);
                return a == null || b == null ? 0 : 1;
            }
            """, "public struct Pair { public uint A; public uint B; }");
        var listing = MapListing.Of(f);
        string keyStore = Assert.Single(listing, l => l.EndsWith(") = 7", StringComparison.Ordinal));
        int keyOffset = -int.Parse(System.Text.RegularExpressions.Regex.Match(keyStore, @"r10 - ?(\d+)").Groups[1].Value);
        int secondCall = Array.LastIndexOf(listing, "call 1");
        var passed = listing.Take(secondCall).Last(l => l.StartsWith("r2 += ", StringComparison.Ordinal));
        Assert.Equal($"r2 += {keyOffset}", passed);
    }

    [Fact]
    public void A_new_struct_passed_by_in_gets_a_stack_copy()
    {
        var f = CompilerHarness.CompileProgram(Maps + """
            static readonly HashMap<Pair, ulong> ByPair = new(16);
            public static int Prog(RawTracepointContext ctx) => ByPair.Lookup(new Pair { A = 1, B = 2 }) == null ? 0 : 1;
            """, "public struct Pair { public uint A; public uint B; }");
        var listing = MapListing.Of(f);
        Assert.Contains(listing, l => l.StartsWith("*(u32 *)(r10 -", StringComparison.Ordinal) && l.EndsWith(") = 2", StringComparison.Ordinal));
        Assert.Contains("call 1", listing);
    }

    [Fact]
    public void Queue_pop_writes_into_an_out_local()
    {
        var f = CompilerHarness.CompileProgram(Maps + """
            public static int Prog(RawTracepointContext ctx) => Pending.Pop(out uint v) == 0 ? (int)v : -1;
            """);
        Assert.Contains("call 88", MapListing.Of(f));
    }

    [Fact]
    public void Globals_are_loaded_through_their_section_with_the_offset_in_imm()
    {
        var f = CompilerHarness.CompileProgram("""
            static readonly uint Limit = 10;
            static ulong Hits;
            static uint Other = 1;
            static ulong Runs = 3;
            public static int Prog(RawTracepointContext ctx)
            {
                Hits++;
                Runs += Limit;
                return 0;
            }
            """);
        var relocations = f.Relocations.Select(r => (r.Kind, r.Symbol, f.Code[r.Slot].Imm)).ToList();
        Assert.Contains((RelocationKind.GlobalData, ".bss", 0), relocations);
        Assert.Contains((RelocationKind.GlobalData, ".rodata", 0), relocations);
        Assert.Contains((RelocationKind.GlobalData, ".data", 8), relocations); // after Other (4 bytes, padded to 8)
    }

    [Fact]
    public void Map_field_that_is_not_readonly_is_BPF0150()
    {
        var result = MapHarness.CompileClassWithData("""
            static HashMap<uint, ulong> Counts = new(64);
            public static int Prog(RawTracepointContext ctx) => 0;
            """);
        Assert.Contains("BPF0150", result);
    }

    [Theory]
    [InlineData("static readonly HashMap<uint, ulong> M = new(0);", "BPF0153")]
    [InlineData("static readonly RingBuffer M = new(1000);", "BPF0153")]
    [InlineData("static readonly LpmTrieMap<uint, uint> M = new(8);", "BPF0153")]
    [InlineData("static readonly LpmTrieMap<Key2, uint> M = new(8, MapFlags.None);", "BPF0153")]
    [InlineData("static readonly uint N = 3; static readonly HashMap<uint, ulong> M = new(N * Size());", "BPF0151")]
    [InlineData("static readonly HashMap<Auto, ulong> M = new(4);", "BPF0152")]
    [InlineData("static ulong G = (ulong)Environment.TickCount;", "BPF0154")]
    public void Bad_map_or_global_declarations_are_reported(string declaration, string id)
    {
        var result = MapHarness.CompileClassWithData(declaration + """

            static uint Size() => 4;
            public static int Prog(RawTracepointContext ctx) => 0;
            """, """
            public struct Key2 { public uint Prefix; public uint Data; }
            [StructLayout(LayoutKind.Auto)] public struct Auto { public uint A; public long B; }
            """);
        Assert.Contains(id, result);
    }

    [Fact]
    public void Clr_only_members_are_BPF0156()
    {
        var result = CompilerHarness.CompileClass(Maps + """
            public static int Prog(RawTracepointContext ctx) => Counts.Count;
            """);
        Assert.Contains(result.Diagnostics, d => d.Id == "BPF0156" || d.Id == "BPF0001");
    }
}
