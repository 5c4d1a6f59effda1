namespace BpfSharp.Generator.Analysis;

/// <summary>
/// <c>Coef * Key + Const</c>, exactly, on every path: an integer or an offset in terms of a loop counter. It keeps
/// what the verifier sees by walking a loop iteration by iteration: <c>if (p + i + 1 &gt; end) break;</c> proves
/// <c>p[i]</c> for whatever i is on that path, which ranges alone cannot say.
/// </summary>
internal sealed record Linear(object Key, long Coef, long Const)
{
    public Linear Plus(long value) => this with { Const = Const + value };

    public Linear Times(long factor) => new(Key, Coef * factor, Const * factor);

    public Linear? Plus(Linear? other) =>
        other is null ? null : Key.Equals(other.Key) ? new Linear(Key, Coef + other.Coef, Const + other.Const) : null;

    /// <summary>This in terms of the key's new value, when the key became its old value plus <paramref name="step"/>.</summary>
    public Linear Advanced(long step) => this with { Const = Const - Coef * step };

    /// <summary>Whether this is at most <paramref name="bound"/> on every path: same key and coefficient, smaller constant.</summary>
    public bool AtMost(Linear? bound) => bound is not null && Key.Equals(bound.Key) && Coef == bound.Coef && Const <= bound.Const;
}
