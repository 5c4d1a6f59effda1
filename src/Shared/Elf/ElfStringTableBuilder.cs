using System.Collections.Generic;
using System.IO;
using System.Text;

namespace BpfSharp.Elf;

/// <summary>An ELF string table under construction: starts with the empty string, stores each distinct name once.</summary>
internal sealed class ElfStringTableBuilder
{
    private readonly MemoryStream _bytes = new();
    private readonly Dictionary<string, uint> _offsets = new();

    public ElfStringTableBuilder()
    {
        _bytes.WriteByte(0);
        _offsets[""] = 0;
    }

    public uint Add(string value)
    {
        if (_offsets.TryGetValue(value, out uint offset))
            return offset;
        offset = (uint)_bytes.Length;
        byte[] encoded = Encoding.UTF8.GetBytes(value);
        _bytes.Write(encoded, 0, encoded.Length);
        _bytes.WriteByte(0);
        _offsets[value] = offset;
        return offset;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
