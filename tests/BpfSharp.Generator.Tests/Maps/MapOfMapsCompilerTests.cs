using BpfSharp.Btf;
using BpfSharp.Elf;
using BpfSharp.Generator.Tests.Compiler;
using BpfSharp.Tests.Generator;

namespace BpfSharp.Tests.Maps;

/// <summary>Maps of maps and map_extra in the compiler and the object: what a declaration emits, what an inner map call compiles to, what is refused.</summary>
public class MapOfMapsCompilerTests
{
    private const string Declarations = """
        static readonly ArrayOfMaps<HashMap<uint, ulong>> Outer = new(maxEntries: 4, innerMaxEntries: 32);
        static readonly HashOfMaps<ulong, ArrayMap<uint>> ByCookie = new(8, innerMaxEntries: 2, innerFlags: MapFlags.Mmapable);
        static readonly BloomFilterMap<uint> Seen = new(100, hashes: 4);
        """;

    [Fact]
    public void Definitions_carry_the_inner_template_and_map_extra_as_libbpf_reads_them()
    {
        var (result, _) = GeneratorHarness.Run(CompilerHarness.Usings + "public static unsafe partial class P {\n" + Declarations + """
            [BpfProgram, RawTracepoint("sys_enter")]
            public static int Prog(RawTracepointContext ctx) => 0;
            }
            """);
        Assert.Empty(result.Diagnostics);
        var elf = ElfFile.Parse(GeneratorHarness.ObjectOf(result, "P"));
        var maps = BtfMapDefinition.ReadAll(BtfSpec.Parse(elf.FindSection(".BTF")!.Data)).ToDictionary(m => m.Map.Name, m => m.Map);

        var outer = maps["Outer"];
        Assert.Equal((12u, 4u, 4u, 4u), (outer.Type, outer.KeySize, outer.ValueSize, outer.MaxEntries));
        Assert.Equal((1u, 4u, 8u, 32u, 0u), (outer.Inner!.Type, outer.Inner.KeySize, outer.Inner.ValueSize, outer.Inner.MaxEntries, outer.Inner.Flags));
        var byCookie = maps["ByCookie"];
        Assert.Equal((13u, 8u, 4u, 8u), (byCookie.Type, byCookie.KeySize, byCookie.ValueSize, byCookie.MaxEntries));
        Assert.Equal((2u, 4u, 4u, 2u, 1u << 10), (byCookie.Inner!.Type, byCookie.Inner.KeySize, byCookie.Inner.ValueSize, byCookie.Inner.MaxEntries, byCookie.Inner.Flags));
        Assert.Equal((30u, 0u, 4u, 4UL), (maps["Seen"].Type, maps["Seen"].KeySize, maps["Seen"].ValueSize, maps["Seen"].MapExtra));
    }

    [Fact]
    public void An_inner_map_call_takes_the_pointer_the_outer_lookup_returned()
    {
        var f = CompilerHarness.CompileProgram(Declarations + """
            public static int Prog(RawTracepointContext ctx)
            {
                var inner = Outer.Lookup(1);
                if (inner == null)
                    return -1;
                uint key = 2;
                ulong* value = inner.Lookup(key);
                return value == null ? 0 : (int)*value;
            }
            """);
        var listing = MapListing.Of(f);
        var calls = Enumerable.Range(0, listing.Length).Where(i => listing[i] == "call 1").ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal("Outer", Assert.Single(f.Relocations).Symbol); // only the outer map is relocated
        // Between the calls: r0 goes to r1 (the helper's map argument), is tested against null, and nothing else writes r1.
        var between = listing[(calls[0] + 1)..calls[1]];
        Assert.Equal("r1 = r0", between[0]);
        Assert.Contains(between, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^if r[01] [!=]= 0 goto"));
        Assert.DoesNotContain(between.Skip(1), l => l.StartsWith("r1 ", StringComparison.Ordinal) || l.StartsWith("w1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Calling_an_inner_map_without_the_null_check_is_BPF0200()
    {
        var (result, _) = GeneratorHarness.Run(CompilerHarness.Usings + "public static unsafe partial class P {\n" + Declarations + """
            [BpfProgram, RawTracepoint("sys_enter")]
            public static int Prog(RawTracepointContext ctx)
            {
                var inner = Outer.Lookup(1);
                return inner!.Update(2, 3UL) == 0 ? 1 : 0;
            }
            }
            """);
        Assert.Contains(result.Diagnostics, d => d.Id == "BPF0200");
    }

    [Fact]
    public void A_declared_map_copied_to_a_local_is_refused_rather_than_read_as_a_global()
    {
        // Map references in locals are what an outer lookup returns; a map field is used through its field.
        var result = CompilerHarness.CompileClass(Declarations + """
            public static int Prog(RawTracepointContext ctx)
            {
                var seen = Seen;
                return (int)seen.Peek(1);
            }
            """);
        Assert.Contains(result.Diagnostics, d => d.Id == "BPF0001");
        Assert.Empty(result.Programs);
    }

    [Theory]
    [InlineData("static readonly ArrayOfMaps<HashMap<uint, ulong>> M = new(4, innerMaxEntries: 0);")]
    [InlineData("static readonly ArrayOfMaps<LpmTrieMap<Key2, uint>> M = new(4, 16);")]
    [InlineData("static readonly ArrayOfMaps<KernelMap> M = new(4, 16);")]
    [InlineData("static readonly ArrayOfMaps<ArrayOfMaps<ArrayMap<uint>>> M = new(4, 16);")]
    public void Bad_inner_templates_are_BPF0153(string declaration)
    {
        var result = MapHarness.CompileClassWithData(declaration + """

            public static int Prog(RawTracepointContext ctx) => 0;
            """, "public struct Key2 { public uint Prefix; public uint Data; }");
        Assert.Contains("BPF0153", result);
    }
}
