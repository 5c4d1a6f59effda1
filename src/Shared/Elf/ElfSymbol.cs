namespace BpfSharp.Elf;

/// <summary>One symbol table entry. <see cref="SectionIndex"/> is st_shndx (0 undefined, 0xfff1 absolute).</summary>
internal readonly record struct ElfSymbol(
    int Index,
    string Name,
    ulong Value,
    ulong Size,
    ElfSymbolType Type,
    ElfSymbolBinding Binding,
    ElfSymbolVisibility Visibility,
    ushort SectionIndex);
