using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Decides whether a loop visibly terminates, as the kernel's verifier will demand: its condition (or one
/// conjunct of it) compares a local counter with a constant, and the loop changes that counter only by
/// constant steps (++, --, += c, -= c). A loop outside this shape gets a diagnostic instead of a verifier error at load time.
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

        foreach (var counter in Counters(condition))
        {
            if (OnlyConstantSteps(loop, counter))
                return true;
        }

        why = "its condition does not compare a counter, changed only by constant steps, with a constant";
        return false;
    }

    /// <summary>Locals compared with a constant in the condition or any of its &amp;&amp; conjuncts.</summary>
    private static System.Collections.Generic.IEnumerable<ILocalSymbol> Counters(IOperation condition)
    {
        condition = Unwrap(condition);
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
            return Counters(and.LeftOperand).Concat(Counters(and.RightOperand));
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals } comparison)
        {
            var left = Unwrap(comparison.LeftOperand);
            var right = Unwrap(comparison.RightOperand);
            if (left is ILocalReferenceOperation l && right.ConstantValue.HasValue) return new[] { l.Local };
            if (right is ILocalReferenceOperation r && left.ConstantValue.HasValue) return new[] { r.Local };
        }
        return System.Array.Empty<ILocalSymbol>();
    }

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

    private static bool Refers(IOperation operation, ILocalSymbol local) =>
        Unwrap(operation) is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local);
}
