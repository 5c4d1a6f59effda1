namespace BpfSharp.Btf;

/// <summary>Fixed numbers of the .BTF and .BTF.ext section layouts (linux/btf.h, libbpf's btf.h).</summary>
internal static class BtfFormat
{
    public const ushort Magic = 0xeB9F;
    public const byte Version = 1;

    /// <summary>sizeof(struct btf_header).</summary>
    public const int HeaderLength = 24;

    /// <summary>sizeof(struct btf_ext_header) including the CO-RE relocation fields.</summary>
    public const int ExtHeaderLength = 32;

    /// <summary>The shortest .BTF.ext header the kernel tools accept: func_info and line_info only.</summary>
    public const int ExtHeaderMinLength = 24;

    /// <summary>sizeof(struct btf_type): name_off, info, size/type.</summary>
    public const int TypeHeaderLength = 12;

    public const int FuncInfoRecordSize = 8;
    public const int LineInfoRecordSize = 16;
    public const int CoreReloRecordSize = 16;

    public const uint MaxTypeId = 0x000fffff;
    public const uint MaxNameOffset = 0x00ffffff;
    public const int MaxVlen = 0xffff;

    /// <summary>Bits of <c>bpf_line_info.line_col</c> that hold the column; the line number sits above them.</summary>
    public const int LineColumnBits = 10;

    /// <summary>Size of one eBPF instruction slot: .BTF.ext counts bytes, the kernel counts slots.</summary>
    public const int InstructionSize = 8;
}
