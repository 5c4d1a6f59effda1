using System;

namespace BpfSharp;

/// <summary>
/// Tells the BpfSharp compiler where a context member lives in the kernel's context struct: a property or
/// one-int-argument method marked with it becomes a load at the context pointer plus the offset. An integer member
/// loads its own size; a member returning a struct (or a <c>ref readonly</c> to one) names the address of that struct,
/// whose fields are then read at their C# layout offsets.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, Inherited = false)]
public sealed class ContextMemberAttribute : Attribute
{
    public ContextMemberAttribute(int offset) => Offset = offset;

    /// <summary>The offset on x86_64, and on every architecture unless <see cref="Arm64Offset"/> says otherwise.</summary>
    public int Offset { get; }

    /// <summary>
    /// The bytes the kernel's field holds when they differ from the member's type: a packet pointer is a 4-byte
    /// field of <c>xdp_md</c> and <c>__sk_buff</c> that reads as a pointer. 0 means the member's own size.
    /// </summary>
    public int Size { get; set; }

    /// <summary>The offset on arm64 when it differs; -1 when it does not.</summary>
    public int Arm64Offset { get; set; } = -1;

    /// <summary>For a method <c>M(int index)</c>: the member is at offset + index * stride (index a constant).</summary>
    public int Stride { get; set; }

    /// <summary>For a method <c>M(int index)</c> whose slots are not evenly spaced: the x86_64 offset of each index.</summary>
    public int[]? X64Table { get; set; }

    /// <summary>As <see cref="X64Table"/>, for arm64.</summary>
    public int[]? Arm64Table { get; set; }
}

/// <summary>The instruction sets whose kernel context layouts (struct pt_regs) BpfSharp knows.</summary>
public enum BpfArchitecture
{
    X64 = 0,
    Arm64 = 1,
}

/// <summary>
/// The architecture whose <c>struct pt_regs</c> layout the programs of this assembly are compiled for; x86_64 when
/// absent. Write <c>[assembly: BpfTargetArchitecture(BpfArchitecture.Arm64)]</c> to build programs for arm64 kernels.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
public sealed class BpfTargetArchitectureAttribute : Attribute
{
    public BpfTargetArchitectureAttribute(BpfArchitecture architecture) => Architecture = architecture;

    public BpfArchitecture Architecture { get; }
}
