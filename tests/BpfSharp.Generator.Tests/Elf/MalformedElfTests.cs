using System.Buffers.Binary;
using BpfSharp.Elf;

namespace BpfSharp.Generator.Tests.Elf;

/// <summary>Broken input must give <see cref="ElfFormatException"/> naming the problem, never an index or overflow exception.</summary>
public sealed class MalformedElfTests
{
    [Fact]
    public void Every_truncation_is_reported()
    {
        byte[] good = ElfWriterTests.SampleObject();
        for (int length = 0; length < good.Length; length++)
        {
            var truncated = good.AsSpan(0, length).ToArray();
            var ex = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(truncated));
            Assert.False(string.IsNullOrEmpty(ex.Message));
        }
    }

    [Theory]
    [InlineData(0, 0x00, "magic")]
    [InlineData(4, 0x01, "ELFCLASS64")]
    [InlineData(5, 0x02, "little-endian")]
    [InlineData(16, 0x02, "ET_REL")]
    [InlineData(18, 0x3e, "EM_BPF")]
    [InlineData(58, 0x20, "e_shentsize")]
    [InlineData(62, 0x7f, "e_shstrndx")]
    public void Bad_header_fields_are_named(int offset, byte value, string expected)
    {
        byte[] bytes = ElfWriterTests.SampleObject();
        bytes[offset] = value;
        var ex = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));
        Assert.Contains(expected, ex.Message);
        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void Relocation_against_a_missing_symbol_names_the_section_and_entry()
    {
        byte[] bytes = ElfWriterTests.SampleObject();
        var rel = ElfFile.Parse(bytes).FindSection(".rel.BTF")!;
        long relOffset = SectionOffset(bytes, rel.Index);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)relOffset + 16 + 12), 999);
        var ex = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));
        Assert.Contains("relocation 1 in '.rel.BTF' refers to symbol 999", ex.Message);
        Assert.Equal(relOffset + 16, ex.Offset);
    }

    [Fact]
    public void Section_running_past_the_end_is_reported()
    {
        byte[] bytes = ElfWriterTests.SampleObject();
        long shoff = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)shoff + 64 * 1 + 32), ulong.MaxValue - 8);
        var ex = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));
        Assert.Contains("section 1 contents", ex.Message);
    }

    [Fact]
    public void Random_corruption_gives_only_our_exception()
    {
        byte[] good = ElfWriterTests.SampleObject();
        var random = new Random(1234);
        for (int round = 0; round < 5000; round++)
        {
            byte[] bytes = (byte[])good.Clone();
            int flips = random.Next(1, 4);
            for (int i = 0; i < flips; i++)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try
            {
                ElfFile.Parse(bytes);
            }
            catch (ElfFormatException)
            {
            }
        }
    }

    private static long SectionOffset(byte[] bytes, int index)
    {
        long shoff = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40));
        return BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan((int)shoff + 64 * index + 24));
    }
}
