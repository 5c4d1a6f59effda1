namespace BpfSharp.Generator.Compiler.Data;

/// <summary>
/// A map declared by a field of the program class: what goes into <c>.maps</c> and its BTF. Key and value types are
/// null for kinds without BTF types, whose sizes are then given directly. A map of maps carries the definition of
/// its inner maps in <paramref name="Inner"/>.
/// </summary>
internal sealed record MapDefinition(
    string Name,
    MapKind Kind,
    DataType? Key,
    DataType? Value,
    int KeySize,
    int ValueSize,
    uint MaxEntries,
    uint Flags,
    ulong MapExtra,
    string KeyTypeName,
    string ValueTypeName,
    MapDefinition? Inner = null);

/// <summary>The data sections globals live in.</summary>
internal enum DataSection : byte { Rodata, Data, Bss }

/// <summary>
/// A static field of the program class that lives in a data section: <c>static readonly</c> in <c>.rodata</c>,
/// mutable with a non-zero initializer in <c>.data</c>, otherwise <c>.bss</c>. <paramref name="Initial"/> is its
/// initial bytes (zeros for .bss).
/// </summary>
internal sealed record GlobalVariable(string Name, DataSection Section, int Offset, DataType Type, byte[] Initial, string TypeName)
{
    public static string SectionName(DataSection section) => section switch
    {
        DataSection.Rodata => ".rodata",
        DataSection.Data => ".data",
        _ => ".bss",
    };
}
