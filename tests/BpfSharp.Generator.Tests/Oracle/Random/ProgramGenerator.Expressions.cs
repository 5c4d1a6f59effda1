namespace BpfSharp.Generator.Tests.Oracle.Random;

/// <summary>Typed expressions: every one produced for a type has exactly that C# type, so any of them composes.</summary>
internal sealed partial class ProgramGenerator
{
    private static readonly string[] Arithmetic = { "+", "-", "*", "&", "|", "^" };
    private static readonly string[] Shifts = { "<<", ">>", ">>>" };
    private static readonly string[] Relations = { "==", "!=", "<", "<=", ">", ">=" };
    private static readonly int[] ShiftCounts = { 0, 1, 3, 7, 8, 15, 16, 31, 32, 33, 40, 63, 64, 65, -1 };
    private static readonly long[] Thresholds = { -100, 0, 10, 1000 };

    private string Expression(ScalarType type, int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
            return Leaf(type);
        return type.IsBool ? BoolExpression(depth) : IntegerExpression(type, depth);
    }

    private string Leaf(ScalarType type)
    {
        var variables = _scope.Readable(type).ToList();
        if (variables.Count > 0 && _random.Next(4) != 0)
            return variables[_random.Next(variables.Count)].Name;
        return type.Literal(Interesting(type));
    }

    private long Interesting(ScalarType type)
    {
        if (type.IsBool) return _random.Next(2);
        return _random.Next(3) == 0 ? _random.Next(-20, 300) : Pick(IntegerValues.Edges(type.Clr));
    }

    private string IntegerExpression(ScalarType type, int depth)
    {
        switch (_random.Next(_features.Calls && _helpers.Count > 0 ? 11 : 10))
        {
            case 0:
                return Cast(type, Expression(AnyInteger(), depth - 1));
            case 1:
            case 2:
                return Cast(type, Binary(Pick(Arithmetic), depth));
            case 3:
                return Cast(type, Division(depth));
            case 4:
                return Cast(type, Shift(depth));
            case 5:
                return Cast(type, Unary(depth));
            case 6:
                return $"({Expression(ScalarType.Bool, depth - 1)} ? {Expression(type, depth - 1)} : {Expression(type, depth - 1)})";
            case 7:
                return SwitchExpression(type, depth);
            case 8:
                return Leaf(type);
            case 9:
                return Cast(type, $"({Expression(ScalarType.Bool, depth - 1)} ? 1 : 0)");
            default:
            {
                string call = Call(depth, out var returned);
                return Cast(type, returned.IsBool ? $"({call} ? 1 : 0)" : call);
            }
        }
    }

    private string BoolExpression(int depth)
    {
        switch (_random.Next(7))
        {
            case 0:
            case 1:
            {
                var (left, right) = Operands(AnyInteger(), AnyInteger(), depth);
                return $"({left} {Pick(Relations)} {right})";
            }
            case 2:
                return $"(!{Expression(ScalarType.Bool, depth - 1)})";
            case 3:
                return $"({Expression(ScalarType.Bool, depth - 1)} {Pick(new[] { "&&", "||", "^", "&", "|", "==", "!=" })} {Expression(ScalarType.Bool, depth - 1)})";
            case 4:
            {
                var governing = Pick(new[] { ScalarType.Int, ScalarType.Long });
                long lo = Pick(Thresholds), hi = Pick(Thresholds);
                if (lo > hi) (lo, hi) = (hi, lo);
                return lo == hi
                    ? $"({Variable(governing)} is {governing.Literal(lo)} or {governing.Literal(lo + 1)})"
                    : $"({Variable(governing)} is > {governing.Literal(lo)} and < {governing.Literal(hi)})";
            }
            case 5:
                return $"({Variable(ScalarType.UInt)} is not ({ScalarType.UInt.Literal(0)} or {ScalarType.UInt.Literal(uint.MaxValue)}))";
            default:
                return Leaf(ScalarType.Bool);
        }
    }

    private static string Cast(ScalarType type, string expression) => $"unchecked(({type.Name})({expression}))";

    private string Binary(string op, int depth)
    {
        var (left, right) = Operands(AnyInteger(), AnyInteger(), depth);
        return $"{left} {op} {right}";
    }

    /// <summary>Two operands C# can combine: a ulong never meets a signed type (that is a compile error), so the signed side is cast.</summary>
    private (string Left, string Right) Operands(ScalarType leftType, ScalarType rightType, int depth)
    {
        string left = Expression(leftType, depth - 1), right = Expression(rightType, depth - 1);
        if (leftType == ScalarType.ULong && rightType.Signed) right = Cast(ScalarType.ULong, right);
        if (rightType == ScalarType.ULong && leftType.Signed) left = Cast(ScalarType.ULong, left);
        return ($"({left})", $"({right})");
    }

    /// <summary>
    /// Division and remainder by a divisor that is never zero and never -1 (the CLR throws for x/0 and for
    /// MinValue/-1, BPF does not: the documented difference, so the generator stays on the common ground).
    /// </summary>
    private string Division(int depth)
    {
        var type = Pick(ScalarType.Wide);
        string mask = Pick(new[] { "15", "255", "0x7fff", "0x7fffffff" });
        string divisor = $"(({Expression(type, depth - 1)}) & {mask}) + 1";
        if (type.Signed && _random.Next(3) == 0)
            divisor = $"-((({Expression(type, depth - 1)}) & {mask}) + 2)";
        return $"({Expression(type, depth - 1)}) {Pick(new[] { "/", "%" })} ({divisor})";
    }

    private string Shift(int depth)
    {
        string count = _random.Next(2) == 0
            ? ScalarType.Int.Literal(Pick(ShiftCounts))
            : Cast(ScalarType.Int, Expression(AnyInteger(), depth - 1));
        return $"({Expression(AnyInteger(), depth - 1)}) {Pick(Shifts)} ({count})";
    }

    private string Unary(int depth)
    {
        var type = AnyInteger();
        string operand = Expression(type, depth - 1);
        // Unary minus on a ulong does not compile.
        return type == ScalarType.ULong || _random.Next(2) == 0 ? $"~({operand})" : $"-({operand})";
    }

    private string SwitchExpression(ScalarType type, int depth)
    {
        var governing = Pick(ScalarType.Integers);
        var arms = new List<string>();
        var seen = new HashSet<ulong>();
        int constants = _random.Next(1, 4);
        for (int i = 0; i < constants; i++)
        {
            long value = Interesting(governing);
            if (seen.Add(IntegerValues.ToRegister(IntegerValues.ToClr(value, governing.Clr))))
                arms.Add($"{governing.Literal(value)} => {Expression(type, depth - 2)}");
        }
        long lo = Pick(Thresholds), hi = Pick(Thresholds);
        if (lo > hi) (lo, hi) = (hi, lo);
        if ((governing == ScalarType.Int || governing == ScalarType.Long) && lo < hi)
        {
            // Relational arms only where constants cannot cover the rest (an arm or '_' already handled is an error).
            arms.Add($"< {governing.Literal(lo)} => {Expression(type, depth - 2)}");
            arms.Add($"> {governing.Literal(hi)} => {Expression(type, depth - 2)}");
        }
        arms.Add($"_ => {Expression(type, depth - 2)}");
        return $"({Variable(governing)} switch {{ {string.Join(", ", arms)} }})";
    }

    /// <summary>A variable's value as <paramref name="type"/>: never a constant, so patterns over it are never decided at compile time.</summary>
    private string Variable(ScalarType type)
    {
        var same = _scope.Readable(type).ToList();
        if (same.Count > 0)
            return same[_random.Next(same.Count)].Name;
        var any = _scope.All().Where(v => !v.Type.IsBool).ToList();
        return Cast(type, any[_random.Next(any.Count)].Name);
    }

    private string Call(int depth, out ScalarType returned)
    {
        var helper = _helpers[_random.Next(_helpers.Count)];
        returned = helper.Returns;
        var args = helper.Parameters.Select(p => Expression(p, depth - 1));
        return $"{helper.Name}({string.Join(", ", args)})";
    }

    private ScalarType AnyInteger() => Pick(ScalarType.Integers);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
