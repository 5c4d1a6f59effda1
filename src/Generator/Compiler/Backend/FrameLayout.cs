using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>Places the stack slots below the frame pointer, each aligned; returns the frame size in bytes.</summary>
internal static class FrameLayout
{
    /// <summary>The kernel's limit for one frame.</summary>
    public const int MaxStack = 512;

    public static int Assign(IrFunction f)
    {
        int offset = 0;
        foreach (var slot in f.Slots)
        {
            offset -= slot.Size;
            offset &= ~(slot.Align - 1);
            slot.Offset = offset;
        }
        return -offset;
    }
}
