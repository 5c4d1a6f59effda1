namespace BpfSharp.Elf;

/// <summary>
/// One section header with its contents. <see cref="Data"/> is empty for NOBITS sections; <see cref="Size"/> is sh_size either way.
/// </summary>
internal sealed record ElfSection(
    int Index,
    string Name,
    ElfSectionType Type,
    ElfSectionFlags Flags,
    byte[] Data,
    ulong Size,
    uint Link,
    uint Info,
    ulong EntrySize,
    ulong Alignment);
