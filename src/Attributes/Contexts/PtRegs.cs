using System;
using System.Runtime.InteropServices;

namespace BpfSharp;

/// <summary>
/// The registers of the probed task (<c>struct pt_regs</c>), the context of kprobes and uprobes. Accessors are
/// architecture-neutral: the compiler picks the x86_64 or arm64 offset (see <see cref="BpfTargetArchitectureAttribute"/>),
/// and as plain .NET the accessors read a caller-owned buffer laid out for the running process's architecture.
/// Arguments follow the C calling convention (x86_64: rdi, rsi, rdx, rcx, r8, r9; arm64: x0..x5).
/// </summary>
public readonly unsafe struct PtRegs
{
    /// <summary>sizeof(struct pt_regs) on x86_64 (21 registers).</summary>
    public const int X64Size = 168;

    /// <summary>sizeof(struct user_pt_regs) on arm64 (x0..x30, sp, pc, pstate), what BPF sees there.</summary>
    public const int Arm64Size = 272;

    private readonly byte* _regs;

    /// <summary>Registers over caller-owned memory, for running a program as plain .NET.</summary>
    public PtRegs(void* regs) => _regs = (byte*)regs;

    /// <summary>Argument <paramref name="index"/> (0..5) of the probed function; the index must be a constant.</summary>
    [ContextMember(0, X64Table = new[] { 112, 104, 96, 88, 72, 64 }, Arm64Table = new[] { 0, 8, 16, 24, 32, 40 })]
    public ulong Arg(int index) => index switch
    {
        0 => Arg0, 1 => Arg1, 2 => Arg2, 3 => Arg3, 4 => Arg4, 5 => Arg5,
        _ => throw new ArgumentOutOfRangeException(nameof(index), "pt_regs carries six register arguments."),
    };

    /// <summary>First argument: rdi / x0.</summary>
    [ContextMember(112, Arm64Offset = 0)]
    public ulong Arg0 => Read(112, 0);

    /// <summary>Second argument: rsi / x1.</summary>
    [ContextMember(104, Arm64Offset = 8)]
    public ulong Arg1 => Read(104, 8);

    /// <summary>Third argument: rdx / x2.</summary>
    [ContextMember(96, Arm64Offset = 16)]
    public ulong Arg2 => Read(96, 16);

    /// <summary>Fourth argument: rcx / x3 (syscalls pass it in r10 on x86_64; read syscall arguments from tracepoints).</summary>
    [ContextMember(88, Arm64Offset = 24)]
    public ulong Arg3 => Read(88, 24);

    /// <summary>Fifth argument: r8 / x4.</summary>
    [ContextMember(72, Arm64Offset = 32)]
    public ulong Arg4 => Read(72, 32);

    /// <summary>Sixth argument: r9 / x5.</summary>
    [ContextMember(64, Arm64Offset = 40)]
    public ulong Arg5 => Read(64, 40);

    /// <summary>The return value in a uretprobe/kretprobe: rax / x0.</summary>
    [ContextMember(80, Arm64Offset = 0)]
    public ulong ReturnValue => Read(80, 0);

    /// <summary>The instruction pointer: rip / pc.</summary>
    [ContextMember(128, Arm64Offset = 256)]
    public ulong InstructionPointer => Read(128, 256);

    /// <summary>The stack pointer: rsp / sp.</summary>
    [ContextMember(152, Arm64Offset = 248)]
    public ulong StackPointer => Read(152, 248);

    /// <summary>The frame pointer: rbp / x29.</summary>
    [ContextMember(32, Arm64Offset = 232)]
    public ulong FramePointer => Read(32, 232);

    private ulong Read(int x64, int arm64)
    {
        if (_regs == null)
            throw new InvalidOperationException("These registers are not backed by memory.");
        return *(ulong*)(_regs + (RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? arm64 : x64));
    }
}
