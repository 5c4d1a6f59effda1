using System.Text.RegularExpressions;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>
/// Struct copies and zeroing use the widest access the alignment of both sides allows, as clang does: the verifier
/// refuses a misaligned stack access, so a nested struct at offset 4 is moved 4 bytes at a time.
/// </summary>
public class StructCopyTests
{
    private const string Types = """
        public struct Address { public uint W0; public uint W1; public uint W2; public uint W3; }
        public struct Prefixed { public uint Length; public Address Address; }
        public struct Halves { public ushort A; public ushort B; public ushort C; }
        public struct Mixed { public byte Tag; public Halves Halves; public ulong Wide; }
        """;

    private static readonly Regex StackAccess = new(@"\*\(u(8|16|32|64) \*\)\(r10 ([+-]\d+)\)", RegexOptions.CultureInvariant);

    /// <summary>Every stack load and store in the listing, as (bytes, offset from the frame pointer).</summary>
    private static List<(int Bytes, int Offset)> StackAccesses(string[] listing) =>
        listing.SelectMany(l => StackAccess.Matches(l)).Select(m => (int.Parse(m.Groups[1].Value) / 8, int.Parse(m.Groups[2].Value))).ToList();

    private static void AssertAligned(string[] listing)
    {
        foreach (var (bytes, offset) in StackAccesses(listing))
            Assert.True(offset % bytes == 0, $"{bytes}-byte access at r10{offset:+0;-0} is misaligned:\n" + string.Join("\n", listing));
    }

    [Fact]
    public void A_nested_struct_at_offset_4_is_copied_in_4_byte_moves()
    {
        var f = CompilerHarness.CompileProgram("""
            public static int Prog(RawTracepointContext ctx)
            {
                Prefixed p = default;
                Address x = default;
                x.W1 = (uint)ctx.Arg(0);
                p.Address = x;
                var y = p.Address;
                return (int)(y.W1 + p.Length);
            }
            """, Types);
        var listing = CompilerHarness.Listing(f);
        AssertAligned(listing);
        Assert.Contains(StackAccesses(listing), a => a.Bytes == 4 && a.Offset % 8 != 0);
    }

    [Fact]
    public void A_copy_between_8_aligned_slots_still_moves_8_bytes_at_a_time()
    {
        var f = CompilerHarness.CompileProgram("""
            public static int Prog(RawTracepointContext ctx)
            {
                Address x = default;
                x.W1 = (uint)ctx.Arg(0);
                Address y = x;
                y.W0 = (uint)ctx.Arg(1);
                return (int)(y.W1 + y.W0 + x.W0);
            }
            """, Types);
        var listing = CompilerHarness.Listing(f);
        AssertAligned(listing);
        Assert.Contains(listing, l => l.Contains("= *(u64 *)(r10 "));
    }

    [Fact]
    public void A_struct_at_offset_2_is_copied_and_zeroed_in_2_byte_moves()
    {
        var f = CompilerHarness.CompileProgram("""
            public static long Prog(RawTracepointContext ctx)
            {
                Mixed m = default;
                m.Halves = new Halves { A = (ushort)ctx.Arg(0), C = 3 };
                Halves h = m.Halves;
                m.Halves = default;
                return h.A + h.C + m.Halves.B + (long)m.Wide;
            }
            """, Types);
        AssertAligned(CompilerHarness.Listing(f));
    }

    [Fact]
    public void A_copy_through_a_pointer_uses_the_alignment_of_the_type()
    {
        var f = CompilerHarness.CompileProgram("""
            public static int Prog(RawTracepointContext ctx)
            {
                Prefixed p = default;
                Prefixed* pointer = &p;
                Address copy = pointer->Address;
                copy.W0 = (uint)Bpf.KtimeGetNs();
                pointer->Address = copy;
                return (int)p.Address.W0;
            }
            """, Types);
        var listing = CompilerHarness.Listing(f);
        AssertAligned(listing);
        // Address is 4-aligned and reached through a pointer: only the zeroing of p, in its own slot, is 8 bytes wide.
        Assert.DoesNotContain(listing, l => l.Contains("= *(u64 *)"));
    }

    [Fact]
    public void Nested_struct_copies_match_the_clr() =>
        Differential.Check(Types + """
            public static long F(uint a, uint b)
            {
                Prefixed p = default;
                p.Length = 128;
                p.Address = new Address { W0 = a, W1 = b, W2 = a ^ b, W3 = a + b };
                var y = p.Address;
                y.W1 += 1;
                Prefixed q = p;
                q.Address = y;
                Mixed m = default;
                m.Halves = new Halves { A = (ushort)a, B = 2, C = (ushort)b };
                Halves h = m.Halves;
                return y.W0 ^ y.W1 * 3 ^ q.Address.W1 ^ q.Length ^ p.Address.W3 ^ h.C ^ (long)h.A << 20;
            }
            """, "F", new long[] { 0, 0 }, new long[] { 1, 2 }, new long[] { uint.MaxValue, 77 }, new long[] { 0x12345678, 0x9abcdef0 });
}
