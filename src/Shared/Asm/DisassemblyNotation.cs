namespace BpfSharp.Asm;

/// <summary>How <see cref="Disassembler"/> spells the few things the two common BPF listings write differently.</summary>
internal enum DisassemblyNotation
{
    /// <summary>LLVM's <c>llvm-objdump -d</c>: <c>*(u32 *)(r10 - 16)</c>, <c>call -1</c> for a BPF-to-BPF call.</summary>
    Objdump,

    /// <summary>
    /// The kernel verifier's log and <c>bpftool prog dump xlated</c>: <c>*(u32 *)(r10 -16)</c>, <c>call pc-1</c>,
    /// and an LD_IMM64 of a map or global as its plain value (<c>r1 = 0 ll</c> before relocation).
    /// </summary>
    Verifier,
}
