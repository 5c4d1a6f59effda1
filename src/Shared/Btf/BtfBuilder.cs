using System;
using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>
/// Builds a .BTF section. Type ids are handed out from 1 in the order types are added (0 is void). A type
/// that encodes to the same bytes as one already added (same kind, name, sizes and referenced ids) gets the
/// existing id back, which folds repeated INTs, pointers, qualifiers and whole structs for free.
/// Recursive types take an id first with <see cref="Reserve"/> and get their definition with <see cref="Define"/>.
/// </summary>
internal sealed class BtfBuilder
{
    private readonly List<BtfType?> types = new();
    private readonly List<byte[]?> encoded = new();
    private readonly Dictionary<byte[], uint>? known;
    private readonly BtfWriter scratch;

    public BtfBuilder(bool deduplicate = true, bool bigEndian = false)
    {
        BigEndian = bigEndian;
        scratch = new BtfWriter(bigEndian);
        if (deduplicate)
            known = new Dictionary<byte[], uint>(ByteArrayComparer.Instance);
    }

    public bool BigEndian { get; }

    /// <summary>The string section; .BTF.ext line info and section names are interned here too.</summary>
    public BtfStringTable Strings { get; } = new();

    /// <summary>The highest type id handed out.</summary>
    public uint Count => (uint)types.Count;

    public BtfType this[uint id] => id >= 1 && id <= Count && types[(int)id - 1] is { } type
        ? type
        : throw new ArgumentOutOfRangeException(nameof(id), $"BTF type id {id} is not defined.");

    public uint Add(BtfType type)
    {
        var bytes = Encode(type);
        if (known != null && known.TryGetValue(bytes, out uint existing))
            return existing;
        uint id = NextId();
        types.Add(type);
        encoded.Add(bytes);
        known?.Add(bytes, id);
        return id;
    }

    /// <summary>Takes the next id without a type yet, so that a struct can point at itself.</summary>
    public uint Reserve()
    {
        uint id = NextId();
        types.Add(null);
        encoded.Add(null);
        return id;
    }

    public void Define(uint id, BtfType type)
    {
        if (id < 1 || id > Count || types[(int)id - 1] != null)
            throw new ArgumentOutOfRangeException(nameof(id), $"BTF type id {id} was not reserved or is already defined.");
        var bytes = Encode(type);
        types[(int)id - 1] = type;
        encoded[(int)id - 1] = bytes;
        if (known != null && !known.ContainsKey(bytes))
            known.Add(bytes, id);
    }

    public uint AddInt(string name, uint size, BtfIntEncoding encoding = BtfIntEncoding.None) => Add(BtfInt.Of(name, size, encoding));

    public uint AddPointer(uint target) => Add(new BtfPointer(target));

    /// <summary>The section bytes: header, type section, string section.</summary>
    public byte[] Build()
    {
        int typeLength = 0;
        for (int i = 0; i < types.Count; i++)
        {
            var type = types[i] ?? throw new InvalidOperationException($"BTF type id {i + 1} was reserved but never defined.");
            foreach (uint reference in BtfTypeEncoder.References(type))
                if (reference > Count)
                    throw new InvalidOperationException($"BTF type id {i + 1} ({type.Kind} '{type.Name}') refers to undefined type id {reference}.");
            typeLength += encoded[i]!.Length;
        }

        var strings = Strings.ToArray();
        var w = new BtfWriter(BigEndian);
        w.U16(BtfFormat.Magic);
        w.U8(BtfFormat.Version);
        w.U8(0);
        w.U32(BtfFormat.HeaderLength);
        w.U32(0);
        w.U32((uint)typeLength);
        w.U32((uint)typeLength);
        w.U32((uint)strings.Length);
        foreach (var bytes in encoded)
            w.Bytes(bytes);
        w.Bytes(strings);
        return w.ToArray();
    }

    private byte[] Encode(BtfType type)
    {
        scratch.Clear();
        BtfTypeEncoder.Encode(type, Strings, scratch);
        return scratch.ToArray();
    }

    private uint NextId()
    {
        uint id = Count + 1;
        return id <= BtfFormat.MaxTypeId ? id : throw new InvalidOperationException($"BTF allows at most {BtfFormat.MaxTypeId} types.");
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes)
        {
            // FNV-1a: type records are short, and this must compile for netstandard2.0 (no HashCode.AddBytes).
            uint hash = 2166136261;
            foreach (byte b in bytes)
                hash = (hash ^ b) * 16777619;
            return (int)hash;
        }
    }
}
