using System.Buffers.Binary;
using System.Text;

namespace BpfSharp.Runtime.Tests;

/// <summary>Tiny hand-built BTF blobs: an int, a func proto returning it, and a func named <c>main</c>.</summary>
internal static class TestBtf
{
    public const uint IntTypeId = 1;
    public const uint FuncTypeId = 3;

    private const uint KindInt = 1, KindFuncProto = 13, KindFunc = 12;

    public static byte[] IntAndMainFunc(ushort magic = 0xeB9F)
    {
        var strings = Encoding.ASCII.GetBytes("\0int\0main\0");
        var types = new List<uint>
        {
            // [1] INT 'int' size 4, 32 bits, signed
            1, KindInt << 24, 4, (1u << 24) | 32,
            // [2] FUNC_PROTO returns [1], no parameters
            0, KindFuncProto << 24, IntTypeId,
            // [3] FUNC 'main' -> [2], static linkage
            5, KindFunc << 24, 2,
        };
        var typeBytes = new byte[types.Count * 4];
        for (int i = 0; i < types.Count; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(typeBytes.AsSpan(i * 4), types[i]);

        var blob = new byte[24 + typeBytes.Length + strings.Length];
        var header = blob.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(header, magic);
        header[2] = 1; // version
        header[3] = 0; // flags
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 24);                         // hdr_len
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0);                          // type_off
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)typeBytes.Length);    // type_len
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)typeBytes.Length);    // str_off
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)strings.Length);      // str_len
        typeBytes.CopyTo(blob, 24);
        strings.CopyTo(blob, 24 + typeBytes.Length);
        return blob;
    }

    /// <summary>One struct bpf_func_info: instruction 0 is the function of type <paramref name="typeId"/>.</summary>
    public static byte[] FuncInfo(uint typeId)
    {
        var record = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), typeId);
        return record;
    }
}
