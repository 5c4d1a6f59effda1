using System.Buffers.Binary;
using BpfSharp.Btf;

namespace BpfSharp.Generator.Tests.Btf;

public class BtfSpecTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_kind_round_trips(bool bigEndian)
    {
        var spec = BtfSpec.Parse(BtfSamples.BuildEveryKind(bigEndian));

        Assert.Equal(bigEndian, spec.BigEndian);
        Assert.Equal((uint)BtfSamples.EveryKind.Length, spec.Count);
        foreach (var (id, type) in spec.Types)
            Assert.Equivalent(BtfSamples.EveryKind[id - 1], type, strict: true);
    }

    [Fact]
    public void Reencoding_a_decoded_spec_gives_the_same_bytes()
    {
        var bytes = BtfSamples.BuildEveryKind();
        var b = new BtfBuilder(deduplicate: false);
        foreach (var (_, type) in BtfSpec.Parse(bytes).Types)
            b.Add(type);

        Assert.Equal(bytes, b.Build());
    }

    [Fact]
    public void Signedness_decides_how_32_bit_enum_values_read_back()
    {
        var spec = BtfSpec.Parse(BtfSamples.BuildEveryKind());

        Assert.Equal(4000000000L, ((BtfEnum)spec[10]).Values[1].Value);
        Assert.Equal(-1L, ((BtfEnum)spec[11]).Values[0].Value);
        Assert.Equal(0x123456789L, ((BtfEnum64)spec[12]).Values[0].Value);
    }

    [Fact]
    public void SizeOf_follows_typedefs_qualifiers_arrays_and_vars()
    {
        var spec = BtfSpec.Parse(BtfSamples.BuildEveryKind());

        Assert.Equal(4u, spec.SizeOf(1));
        Assert.Equal(8u, spec.SizeOf(5));    // pointer
        Assert.Equal(16u, spec.SizeOf(6));   // char[16]
        Assert.Equal(24u, spec.SizeOf(7));   // struct
        Assert.Equal(4u, spec.SizeOf(15));   // typedef u32
        Assert.Equal(4u, spec.SizeOf(17));   // const volatile int
        Assert.Equal(4u, spec.SizeOf(23));   // var of that
        Assert.Equal(8u, spec.SizeOf(25));   // double
        Assert.Equal(4u, spec.SizeOf(28));   // type tag on int
        Assert.Equal(1u, spec.Resolve(17));
        Assert.Throws<InvalidOperationException>(() => spec.SizeOf(19)); // a prototype has no size
        Assert.Throws<InvalidOperationException>(() => spec.SizeOf(13)); // nor a forward declaration
        Assert.Throws<InvalidOperationException>(() => spec.SizeOf(0));
    }

    [Fact]
    public void Types_are_found_by_name_and_kind()
    {
        var spec = BtfSpec.Parse(BtfSamples.BuildEveryKind());

        Assert.Equal(7u, spec.Find("sample", BtfKind.Struct));
        Assert.Equal(0u, spec.Find("sample", BtfKind.Union));
        Assert.Equal(new uint[] { 20 }, spec.FindAll("handler"));
        Assert.Empty(spec.FindAll("nothing"));
        Assert.Equal("", spec.GetString(0));
        Assert.Equal("int", spec.GetString(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => spec.GetString((uint)spec.StringSectionLength));
    }

    public static TheoryData<string, Func<byte[], byte[]>, string> Corruptions => new()
    {
        { "bad magic", b => Patch16(b, 0, 0x1234), "offset 0x0: magic 0x1234" },
        { "version", b => Patch8(b, 2, 2), "offset 0x2: version 2" },
        { "short header", b => b[..20], "shorter than the 24-byte header" },
        { "hdr_len", b => Patch32(b, 4, 1000), "offset 0x4: hdr_len 1000" },
        { "string section past end", b => Patch32(b, 20, 100000), "offset 0x10: string section 560+100000" },
        { "type section truncated", b => Patch32(b, 12, 20), "type #2" },
        { "unknown kind", b => Patch32(b, 24 + 4, 0x1f000000), "offset 0x18: type #1 has unknown kind 31" },
        { "name outside strings", b => Patch32(b, 24, 0xffffff), "offset 0x18: type #1 name_off 16777215" },
        { "unterminated strings", b => Patch8(b, b.Length - 1, (byte)'x'), "must start and end with NUL" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Malformed_input_is_reported_with_its_offset(string what, Func<byte[], byte[]> corrupt, string expected)
    {
        var bytes = corrupt(BtfSamples.BuildEveryKind());
        var error = Assert.Throws<InvalidDataException>(() => BtfSpec.Parse(bytes));
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
    }

    private static byte[] Patch8(byte[] b, int at, byte value) { b[at] = value; return b; }

    private static byte[] Patch16(byte[] b, int at, ushort value) { BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), value); return b; }

    private static byte[] Patch32(byte[] b, int at, uint value) { BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), value); return b; }
}
