using System;

namespace BpfSharp.Elf;

/// <summary>The bytes are not a well-formed ELF64 little-endian BPF relocatable object; the message says what and where.</summary>
/// <remarks>Derives from <see cref="FormatException"/> because netstandard2.0 seals InvalidDataException.</remarks>
internal sealed class ElfFormatException : FormatException
{
    public ElfFormatException(string message, long offset)
        : base($"{message} (at file offset 0x{offset:x})")
    {
        Offset = offset;
    }

    /// <summary>File offset of the offending structure.</summary>
    public long Offset { get; }
}
