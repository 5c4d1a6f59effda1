using System.Collections.Generic;

namespace BpfSharp.Elf;

/// <summary>One REL entry: patch the bytes at <see cref="Offset"/> of the target section against symbol <see cref="SymbolIndex"/>.</summary>
internal readonly record struct ElfRelocation(ulong Offset, int SymbolIndex, ElfRelocationType Type);

/// <summary>A REL section (<c>.rel&lt;name&gt;</c>) and the section its entries patch (sh_info).</summary>
internal sealed record ElfRelocationSection(int Index, string Name, int TargetSectionIndex, IReadOnlyList<ElfRelocation> Entries);
