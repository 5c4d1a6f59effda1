using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    private void LowerStatement(IOperation statement)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (statement)
        {
            case IBlockOperation block:
                foreach (var s in block.Operations)
                    LowerStatement(s);
                break;
            case IExpressionStatementOperation expression:
                MarkLine(statement.Syntax);
                LowerEffect(expression.Operation);
                break;
            case IReturnOperation ret:
                MarkLine(statement.Syntax);
                if (ret.ReturnedValue is null)
                    EmitReturn(Operand.C(0));
                else
                    EmitReturn(Convert(LowerExpression(ret.ReturnedValue), ReturnType(), ret.ReturnedValue).Operand);
                break;
            case IEmptyOperation:
                break;
            default:
                Unsupported(statement, $"the statement kind '{statement.Kind}' is not supported");
                break;
        }
    }

    /// <summary>Lowers an expression evaluated only for its side effects.</summary>
    private void LowerEffect(IOperation operation) => LowerExpression(operation, resultUsed: false);
}
