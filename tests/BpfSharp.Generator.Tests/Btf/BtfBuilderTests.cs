using System.Buffers.Binary;
using System.Text;
using BpfSharp.Btf;

namespace BpfSharp.Generator.Tests.Btf;

public class BtfBuilderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Int_and_pointer_encode_word_by_word(bool bigEndian)
    {
        var b = new BtfBuilder(bigEndian: bigEndian);
        uint i = b.AddInt("int", 4, BtfIntEncoding.Signed);
        uint p = b.AddPointer(i);
        var bytes = b.Build();

        Assert.Equal((1u, 2u), (i, p));
        Assert.Equal(24 + 28 + 5, bytes.Length);
        Assert.Equal(new byte[] { 0xeb, 0x9f }, bigEndian ? bytes[..2] : new[] { bytes[1], bytes[0] });
        Assert.Equal(new uint[]
        {
            // header: magic/version/flags, hdr_len, type_off, type_len, str_off, str_len
            Magic(bigEndian), 24, 0, 28, 28, 5,
            // [1] INT 'int': name_off 1, kind 1, size 4, SIGNED << 24 | 32 bits
            1, 0x01000000, 4, 0x01000020,
            // [2] PTR -> 1
            0, 0x02000000, 1,
        }, Words(bytes[..52], bigEndian));
        Assert.Equal("\0int\0", Encoding.ASCII.GetString(bytes, 52, 5));
    }

    [Fact]
    public void Identical_types_and_strings_are_stored_once()
    {
        var b = new BtfBuilder();
        uint int1 = b.AddInt("int", 4, BtfIntEncoding.Signed);
        uint uint1 = b.AddInt("unsigned int", 4);
        uint int2 = b.AddInt("int", 4, BtfIntEncoding.Signed);
        uint ptr1 = b.AddPointer(int1);
        uint ptr2 = b.AddPointer(int2);
        uint point1 = b.Add(Point(int1));
        uint point2 = b.Add(Point(int1));
        uint typedef = b.Add(new BtfTypedef("int", int1));

        Assert.Equal(int1, int2);
        Assert.NotEqual(int1, uint1);
        Assert.Equal(ptr1, ptr2);
        Assert.Equal(point1, point2);
        Assert.Equal(5u, b.Count);
        Assert.Equal(5u, typedef);
        // "", "int", "unsigned int", "point", "x", "y"
        Assert.Equal(1 + 4 + 13 + 6 + 2 + 2, b.Strings.Length);
    }

    [Fact]
    public void Without_deduplication_every_add_gets_a_new_id()
    {
        var b = new BtfBuilder(deduplicate: false);
        Assert.Equal(1u, b.AddInt("int", 4));
        Assert.Equal(2u, b.AddInt("int", 4));
    }

    [Fact]
    public void Reserved_id_lets_a_struct_point_at_itself()
    {
        var b = new BtfBuilder();
        uint node = b.Reserve();
        uint ptr = b.AddPointer(node);
        uint i = b.AddInt("int", 4, BtfIntEncoding.Signed);
        b.Define(node, new BtfStruct("node", 16, [new BtfMember("next", ptr, 0), new BtfMember("value", i, 64)]));

        var spec = BtfSpec.Parse(b.Build());

        var s = Assert.IsType<BtfStruct>(spec[node]);
        Assert.Equal(node, Assert.IsType<BtfPointer>(spec[s.Members[0].Type]).Target);
        Assert.Equal(16u, spec.SizeOf(node));
    }

    [Fact]
    public void Build_rejects_undefined_reservations_and_dangling_references()
    {
        var reserved = new BtfBuilder();
        reserved.Reserve();
        Assert.Contains("never defined", Assert.Throws<InvalidOperationException>(() => reserved.Build()).Message);

        var dangling = new BtfBuilder();
        dangling.AddPointer(7);
        Assert.Contains("undefined type id 7", Assert.Throws<InvalidOperationException>(() => dangling.Build()).Message);
    }

    [Fact]
    public void Bitfield_struct_sets_kind_flag_and_packs_member_offsets()
    {
        var b = new BtfBuilder();
        uint u = b.AddInt("unsigned int", 4);
        b.Add(new BtfStruct("flags", 4, [new BtfMember("a", u, 0, 3), new BtfMember("b", u, 3, 5)]));
        var words = Words(b.Build()[24..], bigEndian: false);

        // [2] STRUCT: kind_flag | kind 4 | vlen 2, then members whose offset word is bitfield_size << 24 | bit offset.
        Assert.Equal(0x84000002u, words[5]);
        Assert.Equal(0x03000000u, words[9]);
        Assert.Equal(0x05000003u, words[12]);
    }

    [Fact]
    public void Func_linkage_sits_in_vlen_and_var_linkage_after_the_type()
    {
        var b = new BtfBuilder();
        uint i = b.AddInt("int", 4, BtfIntEncoding.Signed);
        uint proto = b.Add(new BtfFuncProto(i, [new BtfParam("ctx", i)]));
        b.Add(new BtfFunc("prog", proto, BtfFuncLinkage.Global));
        b.Add(new BtfVar("counter", i, BtfVarLinkage.GlobalAllocated));
        var words = Words(b.Build()[24..], bigEndian: false);

        // INT is 4 words, FUNC_PROTO with one param 5 words.
        Assert.Equal(0x0d000001u, words[5]);
        Assert.Equal(0x0c000001u, words[10]);
        Assert.Equal(proto, words[11]);
        Assert.Equal(0x0e000000u, words[13]);
        Assert.Equal(1u, words[15]);
    }

    [Fact]
    public void Values_that_do_not_fit_the_format_are_rejected()
    {
        var b = new BtfBuilder();
        Assert.Throws<ArgumentException>(() => b.Add(new BtfEnum("e", 4, false, [new BtfEnumValue("big", 1L << 40)])));
        Assert.Throws<ArgumentException>(() => b.Add(new BtfInt("odd", 1, BtfIntEncoding.None, 9)));
        Assert.Throws<ArgumentException>(() => b.Strings.Add("a\0b"));
    }

    private static BtfStruct Point(uint type) => new("point", 8, [new BtfMember("x", type, 0), new BtfMember("y", type, 32)]);

    private static uint Magic(bool bigEndian) => bigEndian ? 0xeb9f0100u : 0x0001eb9fu;

    internal static uint[] Words(byte[] bytes, bool bigEndian)
    {
        var words = new uint[bytes.Length / 4];
        for (int i = 0; i < words.Length; i++)
            words[i] = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(i * 4)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        return words;
    }
}
