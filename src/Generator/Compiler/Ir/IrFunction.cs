using System.Collections.Generic;

namespace BpfSharp.Generator.Compiler.Ir;

/// <summary>A function in IR: blocks in layout order (the first is the entry), virtual registers and stack slots.</summary>
internal sealed class IrFunction
{
    public IrFunction(string name) => Name = name;

    public string Name { get; }

    /// <summary>The instruction set the backend may use.</summary>
    public CpuVersion Cpu { get; set; } = CpuVersion.V3;

    public List<IrBlock> Blocks { get; } = new();

    public List<StackSlot> Slots { get; } = new();

    /// <summary>The fixed registers holding the incoming arguments, in order.</summary>
    public List<int> Params { get; } = new();

    /// <summary>Virtual registers pinned to a machine register (argument, result and call conventions).</summary>
    public Dictionary<int, int> Fixed { get; } = new();

    public int RegisterCount { get; private set; }

    private int _nextBlock;

    public int NewReg() => RegisterCount++;

    public int NewFixedReg(int machineRegister)
    {
        int r = NewReg();
        Fixed[r] = machineRegister;
        return r;
    }

    /// <summary>A block placed at the end of the layout.</summary>
    public IrBlock NewBlock()
    {
        var b = CreateBlock();
        Blocks.Add(b);
        return b;
    }

    /// <summary>A block not yet in the layout: the frontend places it when it starts filling it.</summary>
    public IrBlock CreateBlock() => new(_nextBlock++);

    public int NewSlot(int size, int align, SlotOrigin? origin = null)
    {
        Slots.Add(new StackSlot(size, align) { Origin = origin });
        return Slots.Count - 1;
    }

    public override string ToString() => IrPrinter.Format(this);
}

/// <summary>A region of the frame; its offset from the frame pointer is decided by the backend.</summary>
internal sealed class StackSlot
{
    public StackSlot(int size, int align)
    {
        Size = size;
        Align = align;
    }

    public int Size { get; }

    public int Align { get; }

    /// <summary>What the slot holds, for naming it when the frame is too large.</summary>
    public SlotOrigin? Origin { get; init; }

    /// <summary>Negative offset from R10, set by the frame layout.</summary>
    public int Offset { get; set; }
}
