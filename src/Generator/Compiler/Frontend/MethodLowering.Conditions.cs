using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    /// <summary>Lowers a boolean in control-flow form: jumps to <paramref name="whenTrue"/> or <paramref name="whenFalse"/>, short-circuiting.</summary>
    private void LowerCondition(IOperation condition, IrBlock whenTrue, IrBlock whenFalse)
    {
        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            EmitJump(constant ? whenTrue : whenFalse);
            return;
        }

        switch (condition)
        {
            case IParenthesizedOperation paren:
                LowerCondition(paren.Operand, whenTrue, whenFalse);
                return;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                LowerCondition(not.Operand, whenFalse, whenTrue);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, OperatorMethod: null } and:
            {
                var right = NewBlock();
                LowerCondition(and.LeftOperand, right, whenFalse);
                Enter(right);
                LowerCondition(and.RightOperand, whenTrue, whenFalse);
                return;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr, OperatorMethod: null } or:
            {
                var right = NewBlock();
                LowerCondition(or.LeftOperand, whenTrue, right);
                Enter(right);
                LowerCondition(or.RightOperand, whenTrue, whenFalse);
                return;
            }
            case IBinaryOperation { OperatorMethod: null } comparison when IsComparison(comparison.OperatorKind):
            {
                var left = LowerExpression(comparison.LeftOperand);
                var right = LowerExpression(comparison.RightOperand);
                EmitCompare(comparison.OperatorKind, left, right, whenTrue, whenFalse, comparison);
                return;
            }
            case IIsPatternOperation isPattern:
            {
                var value = LowerExpression(isPattern.Value);
                LowerPattern(isPattern.Pattern, value, whenTrue, whenFalse);
                return;
            }
            default:
            {
                var value = LowerExpression(condition);
                EmitBranch(Cond.Ne, Width.W32, value.Operand, Operand.C(0), whenTrue, whenFalse);
                return;
            }
        }
    }

    private void EmitCompare(BinaryOperatorKind kind, Value left, Value right, IrBlock whenTrue, IrBlock whenFalse, IOperation origin)
    {
        var type = left.Type == right.Type ? PromoteUnary(left.Type) : Promote(left.Type, right.Type);
        left = Convert(left, type, origin);
        right = Convert(right, type, origin);
        bool s = type.Signed;
        var cond = kind switch
        {
            BinaryOperatorKind.Equals => Cond.Eq,
            BinaryOperatorKind.NotEquals => Cond.Ne,
            BinaryOperatorKind.LessThan => s ? Cond.SLt : Cond.ULt,
            BinaryOperatorKind.LessThanOrEqual => s ? Cond.SLe : Cond.ULe,
            BinaryOperatorKind.GreaterThan => s ? Cond.SGt : Cond.UGt,
            _ => s ? Cond.SGe : Cond.UGe,
        };
        EmitBranch(cond, type.Width, left.Operand, right.Operand, whenTrue, whenFalse);
    }

    /// <summary>A boolean as a value: 1 or 0 in a register.</summary>
    private Value MaterializeCondition(IOperation condition)
    {
        int result = Function.NewReg();
        var set = NewBlock();
        var join = NewBlock();
        Emit(new IrInst(IrOp.Mov) { Dst = result, A = Operand.C(0), Width = Width.W64 });
        LowerCondition(condition, set, join);
        Enter(set);
        Emit(new IrInst(IrOp.Mov) { Dst = result, A = Operand.C(1), Width = Width.W64 });
        StartBlock(join);
        return new Value(Operand.R(result), IntType.Bool);
    }

    /// <summary>Tests <paramref name="value"/> against a constant, relational, combined or discard pattern.</summary>
    private void LowerPattern(IPatternOperation pattern, Value value, IrBlock whenTrue, IrBlock whenFalse)
    {
        switch (pattern)
        {
            case IDiscardPatternOperation:
                EmitJump(whenTrue);
                return;
            case IConstantPatternOperation constant:
                EmitCompare(BinaryOperatorKind.Equals, value, LowerExpression(constant.Value), whenTrue, whenFalse, pattern);
                return;
            case IRelationalPatternOperation relational:
                EmitCompare(relational.OperatorKind, value, LowerExpression(relational.Value), whenTrue, whenFalse, pattern);
                return;
            case INegatedPatternOperation negated:
                LowerPattern(negated.Pattern, value, whenFalse, whenTrue);
                return;
            case IBinaryPatternOperation binary:
            {
                var next = NewBlock();
                if (binary.OperatorKind == BinaryOperatorKind.And)
                    LowerPattern(binary.LeftPattern, value, next, whenFalse);
                else
                    LowerPattern(binary.LeftPattern, value, whenTrue, next);
                Enter(next);
                LowerPattern(binary.RightPattern, value, whenTrue, whenFalse);
                return;
            }
            case ITypePatternOperation or IDeclarationPatternOperation when pattern.NarrowedType.Equals(pattern.InputType, SymbolEqualityComparer.Default):
                if (pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } && IntType.From(declared.Type) is { } t)
                {
                    var local = Local.InRegister(Function.NewReg(), t);
                    _locals[declared] = local;
                    WriteLocal(local, value);
                }
                EmitJump(whenTrue);
                return;
            default:
                Unsupported(pattern, $"the pattern kind '{pattern.Kind}' is not supported");
                EmitJump(whenFalse);
                return;
        }
    }
}
