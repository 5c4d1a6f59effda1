using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Decides whether a <c>for</c> loop is unrolled completely, as clang does with small constant loops: the counter
/// is declared by the loop with a constant start, compared with a constant, stepped by a constant, and not written
/// by the body; the trip count and body are small. The verifier then walks straight-line code once instead of
/// every iteration, and an index by the counter becomes a constant offset.
/// </summary>
internal static class LoopUnrolling
{
    private const int MaxTrips = 16;
    private const int MaxOperations = 320;

    /// <summary>The counter and its value in each iteration, or null when the loop is kept.</summary>
    public static (ILocalSymbol Counter, List<long> Values)? Plan(IForLoopOperation loop)
    {
        if (loop.Before.Length != 1 || loop.Before[0] is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
            || group.Declarations[0].Declarators.Length != 1) return null;
        var declarator = group.Declarations[0].Declarators[0];
        var counter = declarator.Symbol;
        var type = IntType.From(counter.Type);
        var init = declarator.Initializer?.Value ?? group.Declarations[0].Initializer?.Value;
        if (type is null || init?.ConstantValue is not { HasValue: true, Value: { } start } || start is bool) return null;

        if (Unwrap(loop.Condition) is not IBinaryOperation comparison || Unwrap(comparison.LeftOperand) is not ILocalReferenceOperation l
            || !SymbolEqualityComparer.Default.Equals(l.Local, counter) || comparison.RightOperand.ConstantValue is not { HasValue: true, Value: { } limitValue } || limitValue is bool)
            return null;
        if (loop.AtLoopBottom.Length != 1 || Step(loop.AtLoopBottom[0], counter) is not { } step) return null;
        if (Writes(loop.Body, counter)) return null;

        long value = System.Convert.ToInt64(start, System.Globalization.CultureInfo.InvariantCulture);
        long limit = limitValue is ulong u ? unchecked((long)u) : System.Convert.ToInt64(limitValue, System.Globalization.CultureInfo.InvariantCulture);
        var values = new List<long>();
        while (Holds(comparison.OperatorKind, value, limit))
        {
            if (values.Count == MaxTrips) return null;
            values.Add(value);
            value += step;
            if (value != type.Value.Canonical(value) && type.Value.Bits < 64 && (type.Value.Signed ? (int)value != value : (uint)value != value)) return null;
        }
        int size = loop.Body.DescendantsAndSelf().Count();
        return size * values.Count <= MaxOperations ? (counter, values) : null;
    }

    private static bool Holds(BinaryOperatorKind kind, long v, long limit) => kind switch
    {
        BinaryOperatorKind.LessThan => v < limit,
        BinaryOperatorKind.LessThanOrEqual => v <= limit,
        BinaryOperatorKind.GreaterThan => v > limit,
        BinaryOperatorKind.GreaterThanOrEqual => v >= limit,
        BinaryOperatorKind.NotEquals => v != limit,
        _ => false,
    };

    private static long? Step(IOperation bottom, ILocalSymbol counter)
    {
        if (bottom is IExpressionStatementOperation e) bottom = e.Operation;
        return bottom switch
        {
            IIncrementOrDecrementOperation inc when Refers(inc.Target, counter) => inc.Kind == OperationKind.Increment ? 1 : -1,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } c
                when Refers(c.Target, counter) && c.Value.ConstantValue is { HasValue: true, Value: { } k } && k is not bool =>
                (c.OperatorKind == BinaryOperatorKind.Add ? 1 : -1) * System.Convert.ToInt64(k, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static bool Writes(IOperation body, ILocalSymbol counter) => body.DescendantsAndSelf().Any(op => op switch
    {
        IIncrementOrDecrementOperation inc => Refers(inc.Target, counter),
        IAssignmentOperation a => Refers(a.Target, counter),
        IAddressOfOperation a => Refers(a.Reference, counter),
        IArgumentOperation { Parameter.RefKind: not RefKind.None } a => Refers(a.Value, counter),
        IVariableDeclaratorOperation { Symbol.IsRef: true, Initializer: { } i } => Refers(i.Value, counter),
        _ => false,
    });

    private static bool Refers(IOperation operation, ILocalSymbol local) =>
        Unwrap(operation) is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local);

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { Conversion.IsImplicit: true } or IParenthesizedOperation)
            operation = operation is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)operation).Operand;
        return operation;
    }
}
