namespace BpfSharp.Generator.Compiler.Ir;

/// <summary>
/// An instruction input: a virtual register or a constant. A constant is the exact 64-bit content the
/// register would hold, so a 32-bit value is zero-extended (as ALU32 leaves it) and folding is simulation.
/// </summary>
internal readonly struct Operand : System.IEquatable<Operand>
{
    private Operand(int reg, long value)
    {
        Reg = reg;
        Value = value;
    }

    /// <summary>The virtual register, or -1 for a constant.</summary>
    public int Reg { get; }

    public long Value { get; }

    public bool IsConst => Reg < 0;

    public bool IsReg => Reg >= 0;

    public static Operand R(int reg) => new(reg, 0);

    public static Operand C(long value) => new(-1, value);

    public bool Equals(Operand other) => Reg == other.Reg && (Reg >= 0 || Value == other.Value);

    public override bool Equals(object? obj) => obj is Operand o && Equals(o);

    public override int GetHashCode() => Reg >= 0 ? Reg : Value.GetHashCode() ^ 0x5bd1e995;

    public override string ToString() => IsConst ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "v" + Reg;
}
