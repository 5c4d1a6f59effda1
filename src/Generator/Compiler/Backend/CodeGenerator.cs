using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>The backend in order: conventions, legal forms, registers, frame, selection, peephole, layout.</summary>
internal static class CodeGenerator
{
    public static CompiledFunction Generate(IrFunction f)
    {
        CallingConvention.Apply(f);
        if (f.Cpu < CpuVersion.V4) SignedDivision.Apply(f);
        Legalizer.Apply(f);
        var assignment = RegisterAllocator.Allocate(f);
        int stackSize = FrameLayout.Assign(f);
        var code = InstructionSelector.Select(f, assignment);
        Peephole.Run(code);
        return Assembler.Assemble(f.Name, code, stackSize, f.Cpu);
    }
}
