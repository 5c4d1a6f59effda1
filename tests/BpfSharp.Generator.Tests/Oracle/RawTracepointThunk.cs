using BpfSharp.Asm;
using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// Turns a compiled function with integer parameters into a raw_tracepoint program: a prologue loads the
/// parameters from the context's 64-bit arguments (what <c>ctx.Arg(i)</c> would compile to), calls the function
/// BPF-to-BPF, folds a 64-bit result into the 32 bits the kernel returns, and exits. The function and the
/// subprograms it reaches follow, with call offsets resolved as a loader would.
/// </summary>
internal static class RawTracepointThunk
{
    public static Instruction[] Link(CompiledFunction function, int parameterCount, bool foldResult, IReadOnlyList<CompiledFunction> subprograms)
    {
        var prologue = new List<Instruction>();
        for (int i = parameterCount - 1; i >= 0; i--) // r1 last: it is the context pointer until then
            prologue.Add(global::BpfSharp.Asm.Asm.LoadMem(SizeCode.DW, (Register)(1 + i), Register.R1, (short)(8 * i)));
        int call = prologue.Count;
        prologue.Add(default); // patched below, once the prologue's length is known
        if (foldResult)
        {
            prologue.Add(global::BpfSharp.Asm.Asm.Mov64(Register.R1, Register.R0));
            prologue.Add(global::BpfSharp.Asm.Asm.Alu64(AluOp.Rsh, Register.R1, 32));
            prologue.Add(global::BpfSharp.Asm.Asm.Alu64(AluOp.Xor, Register.R0, Register.R1));
        }
        prologue.Add(global::BpfSharp.Asm.Asm.Exit());
        prologue[call] = global::BpfSharp.Asm.Asm.CallLocal(prologue.Count - (call + 1));

        var byName = subprograms.ToDictionary(s => s.Name);
        var placed = new List<CompiledFunction> { function };
        for (int i = 0; i < placed.Count; i++)
        {
            foreach (var relocation in placed[i].Relocations)
            {
                if (relocation.Kind != RelocationKind.Call)
                    throw new NotSupportedException($"{function.Name}: {relocation.Kind} relocations need an object loader, not this thunk");
                var callee = byName[relocation.Symbol];
                if (!placed.Contains(callee))
                    placed.Add(callee);
            }
        }

        var start = new Dictionary<string, int>();
        int at = prologue.Count;
        foreach (var f in placed)
        {
            start[f.Name] = at;
            at += f.Code.Length;
        }
        var code = prologue.Concat(placed.SelectMany(f => f.Code)).ToArray();
        foreach (var f in placed)
        {
            foreach (var relocation in f.Relocations)
            {
                int slot = start[f.Name] + relocation.Slot;
                code[slot] = code[slot] with { Src = PseudoSource.LocalCall, Imm = start[relocation.Symbol] - (slot + 1) };
            }
        }
        return code;
    }
}
