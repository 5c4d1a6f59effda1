using BpfSharp.Btf;

namespace BpfSharp.Generator.Tests.Btf;

/// <summary>Our encoder against libbpf's parser and validator, through bpftool's raw dump.</summary>
public class BtfBpftoolTests
{
    [Fact]
    public void Bpftool_reads_every_kind_as_we_wrote_it()
    {
        using var dir = BtfTools.CreateTempDir();
        var file = dir.File("every.btf");
        File.WriteAllBytes(file, BtfSamples.BuildEveryKind());

        var dump = BtfTools.Run("bpftool", "btf", "dump", "file", file, "format", "raw");

        Assert.Equal(Expected, dump.TrimEnd('\n'));
    }

    // Checked by hand against BtfSamples.EveryKind: ids, kinds, names, sizes, offsets, linkage, encodings.
    private const string Expected = """
[1] INT 'int' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED
[2] INT 'char' size=1 bits_offset=0 nr_bits=8 encoding=CHAR
[3] INT '_Bool' size=1 bits_offset=0 nr_bits=8 encoding=BOOL
[4] INT 'unsigned int' size=4 bits_offset=0 nr_bits=32 encoding=(none)
[5] PTR '(anon)' type_id=1
[6] ARRAY '(anon)' type_id=2 index_type_id=4 nr_elems=16
[7] STRUCT 'sample' size=24 vlen=3
	'count' type_id=1 bits_offset=0
	'name' type_id=6 bits_offset=32
	'next' type_id=5 bits_offset=160
[8] UNION 'word' size=4 vlen=2
	'u' type_id=4 bits_offset=0
	'i' type_id=1 bits_offset=0
[9] STRUCT 'bits' size=4 vlen=2
	'low' type_id=4 bits_offset=0 bitfield_size=3
	'high' type_id=4 bits_offset=3 bitfield_size=29
[10] ENUM 'color' encoding=UNSIGNED size=4 vlen=2
	'RED' val=0
	'BLUE' val=4000000000
[11] ENUM 'delta' encoding=SIGNED size=4 vlen=2
	'DOWN' val=-1
	'UP' val=1
[12] ENUM64 'wide' encoding=UNSIGNED size=8 vlen=1
	'HUGE' val=4886718345ULL
[13] FWD 'later' fwd_kind=struct
[14] FWD 'maybe' fwd_kind=union
[15] TYPEDEF 'u32' type_id=4
[16] VOLATILE '(anon)' type_id=1
[17] CONST '(anon)' type_id=16
[18] RESTRICT '(anon)' type_id=5
[19] FUNC_PROTO '(anon)' ret_type_id=1 vlen=2
	'ctx' type_id=5
	'len' type_id=15
[20] FUNC 'handler' type_id=19 linkage=global
[21] FUNC 'helper' type_id=19 linkage=static
[22] VAR 'counter' type_id=15, linkage=global
[23] VAR 'limit' type_id=17, linkage=static
[24] DATASEC '.data' size=8 vlen=2
	type_id=22 offset=0 size=4 (VAR 'counter')
	type_id=23 offset=4 size=4 (VAR 'limit')
[25] FLOAT 'double' size=8
[26] DECL_TAG 'kernel' type_id=20 component_idx=-1
[27] DECL_TAG 'nonnull' type_id=20 component_idx=0
[28] TYPE_TAG 'user' type_id=1
[29] PTR '(anon)' type_id=28
""";
}
