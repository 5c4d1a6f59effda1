using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Decides whether a loop visibly terminates, as the kernel's verifier will demand. Its condition (or one conjunct
/// of it) compares a counter with a constant, and the loop changes that counter in one of three ways:
/// <list type="bullet">
/// <item>only by constant steps (++, --, += c, -= c), the counter a local;</item>
/// <item>by halving towards zero (&gt;&gt;= c, &gt;&gt;&gt;= c, or /= 2^k of a uint or ulong) in every iteration, the
/// condition false where it comes to rest, so at most one iteration per bit of the counter's width;</item>
/// <item>by a constant factor (*= c, &lt;&lt;= c) in every iteration of a for loop that starts it at a positive
/// constant, so its values are known and leave the condition before they wrap.</item>
/// </list>
/// A loop outside these shapes gets a diagnostic instead of a verifier error at load time.
/// </summary>
internal static class LoopBounds
{
    public static bool IsProvablyBounded(ILoopOperation loop, out string why)
    {
        IOperation? condition = loop switch
        {
            IForLoopOperation f => f.Condition,
            IWhileLoopOperation w => w.Condition,
            _ => null,
        };
        why = string.Empty;
        if (condition is null || condition.ConstantValue.HasValue)
        {
            why = "it has no condition that can become false";
            return false;
        }

        foreach (var test in Tests(condition))
        {
            if (test.Counter is ILocalSymbol local && OnlyConstantSteps(loop, local))
                return true;
            if (Halves(loop, test) || Doubles(loop, test))
                return true;
        }

        why = "its condition does not compare a counter with a constant, where the counter changes only by constant steps, "
            + "halves towards zero in every iteration, or doubles from a constant in every iteration";
        return false;
    }

    /// <summary>"counter relation limit", read from a comparison with the constant on either side.</summary>
    private readonly record struct CounterTest(ISymbol Counter, BinaryOperatorKind Relation, BigInteger Limit);

    /// <summary>Counter tests in the condition or any of its &amp;&amp; conjuncts (locals and by-value parameters).</summary>
    private static IEnumerable<CounterTest> Tests(IOperation condition)
    {
        condition = Unwrap(condition);
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
            return Tests(and.LeftOperand).Concat(Tests(and.RightOperand));
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals } comparison)
        {
            var left = Unwrap(comparison.LeftOperand);
            var right = Unwrap(comparison.RightOperand);
            if (CounterOf(left) is { } l && Constant(right) is { } k)
                return new[] { new CounterTest(l, comparison.OperatorKind, k) };
            if (CounterOf(right) is { } r && Constant(left) is { } j)
                return new[] { new CounterTest(r, Flipped(comparison.OperatorKind), j) };
        }
        return System.Array.Empty<CounterTest>();
    }

    private static ISymbol? CounterOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation l when !l.Local.IsRef => l.Local,
        IParameterReferenceOperation { Parameter.RefKind: RefKind.None } p => p.Parameter,
        _ => null,
    };

    private static BinaryOperatorKind Flipped(BinaryOperatorKind relation) => relation switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => relation,
    };

    private static BigInteger? Constant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: { } v } && v is not bool and not string
            ? v is ulong u ? new BigInteger(u) : new BigInteger(System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation c when c.Conversion.IsImplicit:
                    operation = c.Operand;
                    break;
                case IParenthesizedOperation p:
                    operation = p.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static bool OnlyConstantSteps(ILoopOperation loop, ILocalSymbol counter)
    {
        bool stepped = false;
        foreach (var op in loop.Descendants())
        {
            switch (op)
            {
                case IIncrementOrDecrementOperation inc when Refers(inc.Target, counter):
                    stepped = true;
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound
                    when Refers(compound.Target, counter):
                    if (!compound.Value.ConstantValue.HasValue) return false;
                    stepped = true;
                    break;
                case IAssignmentOperation assignment when Refers(assignment.Target, counter):
                    return false;
                case IAddressOfOperation address when Refers(address.Reference, counter):
                    return false;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None } argument when Refers(argument.Value, counter):
                    return false;
            }
        }
        return stepped;
    }

    private enum StepKind { Other, Halving, ArithmeticHalving, Doubling }

    /// <summary>A write to the counter: what it does, by how much (the factor of a doubling), and whether every iteration runs it.</summary>
    private readonly record struct Step(StepKind Kind, BigInteger Factor, bool EveryIteration);

    /// <summary>
    /// Halving: every write to the counter moves it towards zero (an arithmetic shift of a negative value towards
    /// -1), one of them runs in every iteration, and the condition is false where the counter comes to rest.
    /// </summary>
    private static bool Halves(ILoopOperation loop, CounterTest test)
    {
        if (IntType.From(TypeOf(test.Counter)) is not { } type || Steps(loop, test.Counter, type) is not { Count: > 0 } steps
            || steps.Any(s => s.Kind is not (StepKind.Halving or StepKind.ArithmeticHalving)) || !steps.Any(s => s.EveryIteration))
            return false;
        bool restsAtMinusOne = type.Signed && steps.Any(s => s.Kind == StepKind.ArithmeticHalving);
        return test.Relation switch
        {
            BinaryOperatorKind.NotEquals => test.Limit.IsZero && !restsAtMinusOne,
            BinaryOperatorKind.GreaterThan => test.Limit >= 0,
            BinaryOperatorKind.GreaterThanOrEqual => test.Limit >= 1,
            _ => false,
        };
    }

    /// <summary>
    /// Doubling: a for loop declares the counter at a positive constant and multiplies it by a constant in every
    /// iteration, so its values are known: the loop is bounded when they leave the condition before they wrap.
    /// </summary>
    private static bool Doubles(ILoopOperation loop, CounterTest test)
    {
        if (loop is not IForLoopOperation forLoop || IntType.From(TypeOf(test.Counter)) is not { } type
            || StartOf(forLoop, test.Counter) is not { } start || start < 1
            || Steps(loop, test.Counter, type) is not { Count: 1 } steps || steps[0] is not { Kind: StepKind.Doubling, EveryIteration: true } step)
            return false;
        BigInteger max = type.Signed ? (BigInteger.One << (type.Bits - 1)) - 1 : (BigInteger.One << type.Bits) - 1;
        for (var value = start; value <= max; value *= step.Factor)
        {
            if (!Holds(test.Relation, value, test.Limit))
                return true;
        }
        return false;
    }

    private static bool Holds(BinaryOperatorKind relation, BigInteger value, BigInteger limit) => relation switch
    {
        BinaryOperatorKind.LessThan => value < limit,
        BinaryOperatorKind.LessThanOrEqual => value <= limit,
        BinaryOperatorKind.GreaterThan => value > limit,
        BinaryOperatorKind.GreaterThanOrEqual => value >= limit,
        _ => value != limit,
    };

    private static ITypeSymbol? TypeOf(ISymbol counter) => counter switch
    {
        ILocalSymbol l => l.Type,
        IParameterSymbol p => p.Type,
        _ => null,
    };

    /// <summary>The constant a for loop's own declaration gives the counter, or null.</summary>
    private static BigInteger? StartOf(IForLoopOperation loop, ISymbol counter)
    {
        foreach (var declarator in loop.Before.OfType<IVariableDeclarationGroupOperation>().SelectMany(g => g.Declarations).SelectMany(d => d.Declarators))
        {
            if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, counter))
                return declarator.Initializer?.Value is { } init ? Constant(Unwrap(init)) ?? Constant(init) : null;
        }
        return null;
    }

    /// <summary>Every write to the counter inside the loop (its declaration aside), or null when one cannot be a step at all.</summary>
    private static List<Step>? Steps(ILoopOperation loop, ISymbol counter, IntType type)
    {
        var steps = new List<Step>();
        var declarations = loop is IForLoopOperation f ? new HashSet<IOperation>(f.Before.SelectMany(b => b.DescendantsAndSelf())) : new HashSet<IOperation>();
        foreach (var op in loop.Descendants().Where(o => !declarations.Contains(o)))
        {
            switch (op)
            {
                case ICompoundAssignmentOperation compound when Refers(compound.Target, counter):
                    steps.Add(new Step(Kind(compound.OperatorKind, compound.Value, type, out var by), by, RunsEveryIteration(loop, compound)));
                    break;
                case ISimpleAssignmentOperation assignment when Refers(assignment.Target, counter):
                {
                    var value = assignment.Value;
                    while (value is IConversionOperation or IParenthesizedOperation)
                        value = value is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)value).Operand;
                    var factor = BigInteger.One;
                    var kind = value is IBinaryOperation binary && Refers(binary.LeftOperand, counter)
                        ? Kind(binary.OperatorKind, binary.RightOperand, type, out factor)
                        : StepKind.Other;
                    steps.Add(new Step(kind, factor, RunsEveryIteration(loop, assignment)));
                    break;
                }
                case IAssignmentOperation assignment when Refers(assignment.Target, counter):
                case IIncrementOrDecrementOperation inc when Refers(inc.Target, counter):
                case IAddressOfOperation address when Refers(address.Reference, counter):
                case IArgumentOperation { Parameter.RefKind: not RefKind.None } argument when Refers(argument.Value, counter):
                case IVariableDeclaratorOperation { Symbol.IsRef: true, Initializer: { } alias } when Refers(alias.Value, counter):
                    return null;
            }
        }
        return steps;
    }

    /// <summary>What counter = counter op value does; C# masks a shift count to the width it shifts in (32 bits below long).</summary>
    private static StepKind Kind(BinaryOperatorKind op, IOperation value, IntType type, out BigInteger factor)
    {
        factor = BigInteger.One;
        if (Constant(value) is not { } k)
            return StepKind.Other;
        int shift = (int)(k & (type.Bits == 64 ? 63 : 31));
        switch (op)
        {
            case BinaryOperatorKind.RightShift when shift > 0:
                return type.Signed ? StepKind.ArithmeticHalving : StepKind.Halving;
            case BinaryOperatorKind.UnsignedRightShift when shift > 0:
                // A narrow signed counter is widened with its sign first, and narrowed back to -1.
                return type.Signed && type.Bits < 32 ? StepKind.ArithmeticHalving : StepKind.Halving;
            // Only an unsigned division by a power of two: it is compiled to a shift, which the verifier follows
            // (it loses all range of a true division, and signed division is one on v3).
            case BinaryOperatorKind.Divide when !type.Signed && type.Bits >= 32 && k >= 2 && (k & (k - 1)).IsZero:
                return StepKind.Halving;
            case BinaryOperatorKind.LeftShift when shift > 0:
                factor = BigInteger.One << shift;
                return StepKind.Doubling;
            case BinaryOperatorKind.Multiply when k >= 2:
                factor = k;
                return StepKind.Doubling;
            default:
                return StepKind.Other;
        }
    }

    /// <summary>
    /// Whether <paramref name="write"/> runs in every iteration that reaches the next test: a statement of the
    /// for loop's increment, or a statement directly in the body when no continue or goto can jump past it.
    /// </summary>
    private static bool RunsEveryIteration(ILoopOperation loop, IOperation write)
    {
        var statement = write.Parent;
        if (statement is not IExpressionStatementOperation)
            return false;
        if (loop is IForLoopOperation f && f.AtLoopBottom.Contains(statement))
            return true;
        bool direct = loop.Body == statement || loop.Body is IBlockOperation block && block.Operations.Contains(statement);
        return direct && !loop.Body.Descendants().OfType<IBranchOperation>().Any(jump => jump.BranchKind == BranchKind.GoTo
            || jump.BranchKind == BranchKind.Continue && SymbolEqualityComparer.Default.Equals(jump.Target, loop.ContinueLabel));
    }

    private static bool Refers(IOperation operation, ISymbol counter) =>
        Unwrap(operation) switch
        {
            ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, counter),
            IParameterReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Parameter, counter),
            _ => false,
        };
}
