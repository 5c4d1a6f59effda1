using System;

namespace BpfSharp.Asm;

/// <summary>The imm field of a STX|ATOMIC instruction: an ALU op, optionally with <see cref="Fetch"/>, or an exchange.</summary>
[Flags]
internal enum AtomicOp
{
    Add = 0x00,
    Or = 0x40,
    And = 0x50,
    Xor = 0xa0,
    /// <summary>Also return the old value in the source register.</summary>
    Fetch = 0x01,
    /// <summary>Exchange: src gets the old value (always fetches).</summary>
    Xchg = 0xe0 | Fetch,
    /// <summary>Compare r0 with memory and store src if equal; r0 gets the old value.</summary>
    CmpXchg = 0xf0 | Fetch,
}
