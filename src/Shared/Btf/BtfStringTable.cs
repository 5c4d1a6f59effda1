using System;
using System.Collections.Generic;
using System.Text;

namespace BpfSharp.Btf;

/// <summary>
/// The string section being built: NUL-terminated UTF-8 strings, each stored once, with "" at offset 0 so that
/// every anonymous name is offset 0.
/// </summary>
internal sealed class BtfStringTable
{
    private readonly Dictionary<string, uint> offsets = new(StringComparer.Ordinal);
    private readonly List<byte> bytes = new();

    public BtfStringTable()
    {
        offsets.Add("", 0);
        bytes.Add(0);
    }

    public int Length => bytes.Count;

    /// <summary>The offset of <paramref name="value"/>, adding it on first use.</summary>
    public uint Add(string value)
    {
        if (offsets.TryGetValue(value, out uint offset))
            return offset;
        if (value.IndexOf('\0') >= 0)
            throw new ArgumentException("A BTF string cannot contain NUL.", nameof(value));
        offset = (uint)bytes.Count;
        if (offset > BtfFormat.MaxNameOffset)
            throw new InvalidOperationException($"The BTF string section is over {BtfFormat.MaxNameOffset} bytes.");
        bytes.AddRange(Encoding.UTF8.GetBytes(value));
        bytes.Add(0);
        offsets.Add(value, offset);
        return offset;
    }

    public byte[] ToArray() => bytes.ToArray();
}
