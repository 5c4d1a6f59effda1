using BpfSharp.Asm;
using static BpfSharp.Asm.Asm;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// Hand-assembled packet programs that count what they decide in an array map (entry 0: UDP to the dropped port,
/// dropped; entry 1: other UDP, passed). The C# programs decide the same way but cannot use maps yet.
/// </summary>
internal static class CountingPrograms
{
    /// <summary>XDP: data/data_end at 0/4 in xdp_md, XDP_DROP = 1, XDP_PASS = 2.</summary>
    public static byte[] Xdp(int mapFd, ushort droppedPort) => Build(mapFd, droppedPort, dataOffset: 0, dataEndOffset: 4, drop: 1, pass: 2);

    /// <summary>tc: data/data_end at 76/80 in __sk_buff, TC_ACT_SHOT = 2, TC_ACT_OK = 0.</summary>
    public static byte[] Tc(int mapFd, ushort droppedPort) => Build(mapFd, droppedPort, dataOffset: 76, dataEndOffset: 80, drop: 2, pass: 0);

    private static byte[] Build(int mapFd, ushort droppedPort, short dataOffset, short dataEndOffset, int drop, int pass)
    {
        // Ports and the EtherType are compared as the 16-bit words lie in memory (network order read little-endian).
        int rawPort = (ushort)(droppedPort << 8 | droppedPort >> 8);
        var (map0, map1) = LoadMapFd(Register.R1, mapFd);
        Instruction[] code =
        [
            /*  0 */ Mov64(Register.R6, Register.R1),
            /*  1 */ LoadMem(SizeCode.W, Register.R2, Register.R6, dataOffset),
            /*  2 */ LoadMem(SizeCode.W, Register.R3, Register.R6, dataEndOffset),
            /*  3 */ Mov64(Register.R4, Register.R2),
            /*  4 */ Alu64(AluOp.Add, Register.R4, 38),
            /*  5 */ Jump(JumpOp.Jgt, Register.R4, Register.R3, 21),   // -> 27 PASS
            /*  6 */ LoadMem(SizeCode.H, Register.R4, Register.R2, 12),
            /*  7 */ Jump(JumpOp.Jne, Register.R4, 0x0008, 19),        // -> 27
            /*  8 */ LoadMem(SizeCode.B, Register.R4, Register.R2, 23),
            /*  9 */ Jump(JumpOp.Jne, Register.R4, 17, 17),            // -> 27
            /* 10 */ LoadMem(SizeCode.H, Register.R4, Register.R2, 36),
            /* 11 */ Mov64(Register.R7, 1),
            /* 12 */ Mov64(Register.R8, pass),
            /* 13 */ Jump(JumpOp.Jne, Register.R4, rawPort, 2),        // -> 16 COUNT
            /* 14 */ Mov64(Register.R7, 0),
            /* 15 */ Mov64(Register.R8, drop),
            /* 16 */ StoreMem(SizeCode.W, Register.R10, -4, Register.R7),
            /* 17 */ map0,
            /* 18 */ map1,
            /* 19 */ Mov64(Register.R2, Register.R10),
            /* 20 */ Alu64(AluOp.Add, Register.R2, -4),
            /* 21 */ Call(1),                                           // bpf_map_lookup_elem
            /* 22 */ Jump(JumpOp.Jeq, Register.R0, 0, 2),              // -> 25 RET
            /* 23 */ Mov64(Register.R1, 1),
            /* 24 */ Atomic(SizeCode.DW, Register.R0, 0, Register.R1, AtomicOp.Add),
            /* 25 */ Mov64(Register.R0, Register.R8),
            /* 26 */ Exit(),
            /* 27 */ Mov64(Register.R0, pass),
            /* 28 */ Exit(),
        ];
        return Instruction.Encode(code);
    }
}
