using BpfSharp.Generator.Compiler.Ir;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>Names each stack slot after what it holds, so BPF0007 can list the largest in C# terms.</summary>
internal sealed partial class MethodLowering
{
    private static SlotOrigin VariableOrigin(ISymbol symbol)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        return SlotOrigin.Variable(symbol.Name, type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?",
            symbol.Locations.Length > 0 ? LocationInfo.From(symbol.Locations[0]) : null);
    }

    /// <summary>A copy the compiler makes of <paramref name="value"/> (a struct argument, a call's result, an 'in' value).</summary>
    private static SlotOrigin TemporaryOrigin(IOperation value) =>
        new("temporary for '" + Shorten(value.Syntax.ToString()) + "'", null, LocationInfo.From(value.Syntax));

    private static SlotOrigin PrintkFormatOrigin(IOperation call) => new("Printk format", null, LocationInfo.From(call.Syntax));

    /// <summary>stackalloc: named after the local it initializes, when it does.</summary>
    private static SlotOrigin StackAllocOrigin(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IVariableDeclaratorOperation declarator)
                return SlotOrigin.Variable(declarator.Symbol.Name, Shorten(operation.Syntax.ToString()), LocationInfo.From(declarator.Symbol.Locations[0]));
            if (parent is not (IConversionOperation or IVariableInitializerOperation)) break;
        }
        return TemporaryOrigin(operation);
    }
}
