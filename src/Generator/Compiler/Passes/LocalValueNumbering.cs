using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;
using Key = (BpfSharp.Generator.Compiler.Ir.IrOp, BpfSharp.Generator.Compiler.Ir.BinOp, BpfSharp.Generator.Compiler.Ir.Width, BpfSharp.Generator.Compiler.Ir.Operand, BpfSharp.Generator.Compiler.Ir.Operand, int, int, int);

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Common subexpressions within a block: a pure computation repeated with the same inputs (the address of
/// <c>c[i]</c> in <c>c[i] += x</c>) reuses the first result, as long as neither its inputs nor its result changed.
/// </summary>
internal static class LocalValueNumbering
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            var available = new Available();
            foreach (var inst in block.Insts)
            {
                if (inst.Dst >= 0 && inst.Op is IrOp.Bin or IrOp.Neg or IrOp.SignExtend or IrOp.ByteSwap or IrOp.StackAddress
                    && !f.Fixed.ContainsKey(inst.Dst))
                {
                    var key = (inst.Op, inst.Bin, inst.Width, inst.A, inst.Op == IrOp.Bin ? inst.B : default, inst.Bits, inst.Slot, inst.Offset);
                    bool readsItself = (inst.A.IsReg && inst.A.Reg == inst.Dst) || (inst.Op == IrOp.Bin && inst.B.IsReg && inst.B.Reg == inst.Dst);
                    if (available.TryGet(key, out int earlier) && earlier != inst.Dst)
                    {
                        inst.Op = IrOp.Mov;
                        inst.A = Operand.R(earlier);
                        inst.B = default;
                        inst.Width = Width.W64;
                        available.Invalidate(inst.Dst);
                        changed = true;
                        continue;
                    }
                    available.Invalidate(inst.Dst);
                    if (!readsItself) available.Add(key, inst.Dst);
                    continue;
                }
                if (inst.Dst >= 0) available.Invalidate(inst.Dst);
            }
        }
        return changed;
    }

    /// <summary>
    /// The computations available in a block, with an index from each register to the entries that mention it, so
    /// that a redefinition forgets them without scanning them all (which made long inlined blocks quadratic).
    /// </summary>
    private sealed class Available
    {
        private readonly Dictionary<Key, int> _values = new();
        private readonly Dictionary<int, List<Key>> _mentions = new();

        public bool TryGet(Key key, out int register) => _values.TryGetValue(key, out register);

        public void Add(Key key, int register)
        {
            _values[key] = register;
            Mention(register, key);
            if (key.Item4.IsReg) Mention(key.Item4.Reg, key);
            if (key.Item5.IsReg) Mention(key.Item5.Reg, key);
        }

        /// <summary>Forgets every entry whose result or input is <paramref name="reg"/>.</summary>
        public void Invalidate(int reg)
        {
            if (!_mentions.TryGetValue(reg, out var keys)) return;
            foreach (var key in keys)
                if (_values.TryGetValue(key, out int value) && (value == reg || (key.Item4.IsReg && key.Item4.Reg == reg) || (key.Item5.IsReg && key.Item5.Reg == reg)))
                    _values.Remove(key);
            _mentions.Remove(reg);
        }

        private void Mention(int reg, Key key)
        {
            if (!_mentions.TryGetValue(reg, out var keys))
                _mentions[reg] = keys = new List<Key>();
            keys.Add(key);
        }
    }
}
