using System.Collections.Generic;

namespace BpfSharp.Generator.Compiler.Data;

/// <summary>
/// A key, value or global's type as it lies in memory (C layout), without Roslyn symbols: what BTF describes
/// and the object writer needs. Names are C identifiers made from the C# names.
/// </summary>
internal abstract record DataType(string Name, int Size, int Align);

internal enum IntEncoding : byte { Unsigned, Signed, Bool, Char }

/// <summary>An integer (also bool and char), named by its C# keyword.</summary>
internal sealed record IntData(string Name, int Size, IntEncoding Encoding) : DataType(Name, Size, Size);

internal sealed record FloatData(string Name, int Size) : DataType(Name, Size, Size);

/// <summary>A pointer, 8 bytes; <paramref name="Target"/> null for void*.</summary>
internal sealed record PointerData(DataType? Target) : DataType("", 8, 8);

internal sealed record ArrayData(DataType Element, int Count) : DataType("", Element.Size * Count, Element.Align);

internal sealed record EnumData(string Name, int Size, bool Signed, IReadOnlyList<KeyValuePair<string, long>> Values) : DataType(Name, Size, Size);

/// <summary>A field at <paramref name="Offset"/> bytes.</summary>
internal sealed record DataField(string Name, int Offset, DataType Type);

internal sealed record StructData(string Name, int Size, int Align, IReadOnlyList<DataField> Fields) : DataType(Name, Size, Align);
