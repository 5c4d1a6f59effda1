using System.Linq;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    /// <summary>Locals whose address is taken (&amp;x, ref x, out x) live in a stack slot instead of a register.</summary>
    private System.Collections.Generic.HashSet<ISymbol>? _addressTaken;

    private bool NeedsSlot(ISymbol symbol) => _addressTaken?.Contains(symbol) == true;

    private void FindAddressTaken(IOperation body)
    {
        _addressTaken = new System.Collections.Generic.HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var op in body.DescendantsAndSelf())
        {
            IOperation? referenced = op switch
            {
                IAddressOfOperation a => a.Reference,
                IArgumentOperation { Parameter.RefKind: not RefKind.None } arg => arg.Value,
                IVariableDeclaratorOperation { Symbol.IsRef: true, Initializer: { } init } => init.Value,
                _ => null,
            };
            if (referenced is ILocalReferenceOperation l) _addressTaken.Add(l.Local);
            if (referenced is IParameterReferenceOperation p) _addressTaken.Add(p.Parameter);
        }
    }

    private Value LowerFieldRead(IFieldReferenceOperation field)
    {
        var symbol = field.Field;
        if (symbol.IsConst && symbol.ConstantValue is not null && IntType.From(symbol.Type) is { } constType)
            return Value.Const(System.Convert.ToInt64(symbol.ConstantValue is ulong u ? unchecked((long)u) : symbol.ConstantValue, System.Globalization.CultureInfo.InvariantCulture), constType);
        if (symbol.IsStatic && symbol.IsReadOnly && IntType.From(symbol.Type) is { } type && StaticInitializer(symbol) is { } value)
            return Value.Const(value, type);
        var place = LowerMemoryPlace(field);
        if (place is null)
            return Unsupported(field, "only const and static readonly fields with constant initializers, and fields of structs, can be read");
        return ReadPlace(place, field);
    }

    /// <summary>The constant initializer of a static readonly field, folded as if it were const.</summary>
    private long? StaticInitializer(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } init })
            {
                var model = _compilation.GetSemanticModel(init.SyntaxTree);
                var constant = model.GetConstantValue(init.Value, _cancellationToken);
                if (!constant.HasValue || constant.Value is null || constant.Value is string) return null;
                var converted = model.GetOperation(init.Value, _cancellationToken);
                object v = constant.Value;
                long raw = v is ulong u ? unchecked((long)u) : v is bool b ? (b ? 1 : 0) : v is char c ? c : System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
                return raw;
            }
        }
        return null;
    }

    /// <summary>Memory places: fields of structs on the stack or behind pointers, pointer dereferences, element access.</summary>
    private Place? LowerMemoryPlace(IOperation target) => ContextPlace(target);

    private void LowerRefLocal(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? initializer) =>
        Unsupported(declarator, "ref locals are not supported yet");

    private void LowerAggregateLocal(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? initializer) =>
        Unsupported(declarator, $"locals of type '{declarator.Symbol.Type.ToDisplayString()}' are not supported");

    private Value LowerStructAssignment(ISimpleAssignmentOperation assignment) =>
        Unsupported(assignment, $"assigning values of type '{assignment.Target.Type?.ToDisplayString()}' is not supported");
}
