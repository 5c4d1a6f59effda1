using System;

namespace BpfSharp.Elf;

/// <summary>sh_type values that matter for BPF objects; other values pass through as plain numbers.</summary>
internal enum ElfSectionType : uint
{
    Null = 0,
    ProgBits = 1,
    SymTab = 2,
    StrTab = 3,
    Rela = 4,
    NoBits = 8,
    Rel = 9,
    /// <summary>SHT_LLVM_ADDRSIG, which clang emits and loaders ignore.</summary>
    LlvmAddrsig = 0x6fff4c03,
}

[Flags]
internal enum ElfSectionFlags : ulong
{
    None = 0,
    Write = 0x1,
    Alloc = 0x2,
    ExecInstr = 0x4,
    Merge = 0x10,
    Strings = 0x20,
    InfoLink = 0x40,
    Exclude = 0x80000000,
}

internal enum ElfSymbolType : byte { NoType = 0, Object = 1, Func = 2, Section = 3, File = 4 }

internal enum ElfSymbolBinding : byte { Local = 0, Global = 1, Weak = 2 }

internal enum ElfSymbolVisibility : byte { Default = 0, Internal = 1, Hidden = 2, Protected = 3 }

/// <summary>BPF relocation types (LLVM's BPF ELF ABI).</summary>
internal enum ElfRelocationType : uint
{
    None = 0,
    /// <summary>R_BPF_64_64: a map or global-data reference in an LD_IMM64 instruction.</summary>
    Bpf64_64 = 1,
    /// <summary>R_BPF_64_ABS64: a 64-bit absolute address in data (e.g. BTF line info, DWARF).</summary>
    Bpf64_Abs64 = 2,
    /// <summary>R_BPF_64_ABS32: a 32-bit absolute address in data.</summary>
    Bpf64_Abs32 = 3,
    /// <summary>R_BPF_64_NODYLD32: a 32-bit address in .BTF/.BTF.ext that the dynamic loader leaves alone.</summary>
    Bpf64_NoDyld32 = 4,
    /// <summary>R_BPF_64_32: the target of a BPF-to-BPF call or a function reference.</summary>
    Bpf64_32 = 10,
}

/// <summary>Numbers from the ELF specification that the reader and writer share.</summary>
internal static class ElfConstants
{
    public const int HeaderSize = 64;
    public const int SectionHeaderSize = 64;
    public const int SymbolSize = 24;
    public const int RelSize = 16;
    public const int RelaSize = 24;
    public const byte ClassElf64 = 2;
    public const byte DataLittleEndian = 1;
    public const byte CurrentVersion = 1;
    public const ushort TypeRelocatable = 1;
    public const ushort MachineBpf = 247;
    public const ushort SectionUndefined = 0;
    public const ushort SectionAbsolute = 0xfff1;
    public const ushort SectionIndexEscape = 0xffff;
}
