using System.Linq;
using System.Text;

namespace BpfSharp.Generator.Compiler.Ir;

/// <summary>A readable dump of IR, for tests and debugging.</summary>
internal static class IrPrinter
{
    public static string Format(IrFunction f)
    {
        var sb = new StringBuilder();
        foreach (var b in f.Blocks)
        {
            sb.Append(b).Append(":\n");
            foreach (var i in b.Insts)
                sb.Append("  ").Append(Format(i)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Format(IrInst i)
    {
        string w = i.Width == Width.W32 ? "32" : "64";
        string mem = i.Slot >= 0 ? $"[s{i.Slot}+{i.Offset}]" : $"[{i.Base}+{i.Offset}]";
        string args = string.Join(", ", i.Args.Select(a => a.ToString()));
        return i.Op switch
        {
            IrOp.Mov => $"v{i.Dst} = mov{w} {i.A}",
            IrOp.Bin => $"v{i.Dst} = {i.Bin.ToString().ToLowerInvariant()}{w} {i.A}, {i.B}",
            IrOp.Neg => $"v{i.Dst} = neg{w} {i.A}",
            IrOp.SignExtend => $"v{i.Dst} = sext{i.Bits}to{w} {i.A}",
            IrOp.ByteSwap => $"v{i.Dst} = bswap{i.Bits} {i.A}",
            IrOp.Load => $"v{i.Dst} = load{(i.Signed ? "s" : "u")}{(int)i.Size} {mem}",
            IrOp.Store => $"{(i.Atomic ? "atomic_add" : "store")}{(int)i.Size} {mem}, {i.A}",
            IrOp.LoadAddress => $"v{i.Dst} = &{i.Symbol}+{i.Imm}",
            IrOp.StackAddress => $"v{i.Dst} = &s{i.Slot}+{i.Offset}",
            IrOp.CallHelper => $"{(i.Dst >= 0 ? $"v{i.Dst} = " : "")}helper {i.Imm}({args})",
            IrOp.CallLocal => $"{(i.Dst >= 0 ? $"v{i.Dst} = " : "")}call {i.Symbol}({args})",
            IrOp.Line => $"; line {i.Line?.Line}: {i.Line?.Text}",
            IrOp.Jump => $"jump {i.Target}",
            IrOp.Branch => $"if{w} {i.A} {i.Cond.ToString().ToLowerInvariant()} {i.B} then {i.Target} else {i.Else}",
            IrOp.Return => $"return {i.A}",
            _ => i.Op.ToString(),
        };
    }
}
