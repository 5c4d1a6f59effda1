using System.Linq;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// BPF0001 for constructs outside the compilable subset, reported at the construct with the reason in eBPF terms:
/// eBPF has no heap, no exceptions, no indirect calls, no floating point and no threads.
/// </summary>
internal static class SubsetAnalysis
{
    private const int TracePrintk = 6;

    public static void Analyze(IMethodSymbol method, IOperation body, DiagnosticSink sink)
    {
        if (method.IsAsync)
            Report(sink, method.Locations.FirstOrDefault(), method.Name, "async methods need a scheduler and the heap; eBPF programs run to completion");
        if (method.IsGenericMethod)
            Report(sink, method.Locations.FirstOrDefault(), method.Name, "generic methods are not supported; only map declarations take type arguments");

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (IsChecked(operation))
            {
                string text = operation.Syntax.ToString().Replace("\r", " ").Replace("\n", " ");
                sink.Add(DiagnosticDescriptors.CheckedArithmetic, operation.Syntax.GetLocation(), text.Length > 60 ? text.Substring(0, 57) + "..." : text);
                continue;
            }
            if (Reason(operation) is { } reason)
                Report(sink, operation.Syntax.GetLocation(), operation.Syntax.ToString(), reason);
        }
    }

    private static string? Reason(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Type.IsReferenceType: true } creation:
                return $"'new {creation.Type!.Name}' allocates on the managed heap, which eBPF does not have; use a struct, a stack local or a map";
            case IArrayCreationOperation { IsImplicit: false }:
                return "arrays live on the managed heap, which eBPF does not have; use a fixed-size buffer in a struct or a map";
            case IAnonymousObjectCreationOperation:
            case ITypeParameterObjectCreationOperation:
                return "this allocates on the managed heap, which eBPF does not have";
            case ITryOperation:
                return "exceptions do not exist in eBPF; return an error code instead of try/catch/finally";
            case IThrowOperation:
                return "exceptions do not exist in eBPF; return an error code instead of throwing";
            case IAnonymousFunctionOperation:
                return "lambdas and anonymous methods become delegates on the heap; write a static method instead";
            case ITranslatedQueryOperation:
                return "LINQ allocates iterators and calls delegates; write a bounded for loop instead";
            case IAwaitOperation:
                return "await needs a scheduler; eBPF programs run to completion";
            case ILockOperation:
                return "lock needs a monitor; use a map with atomic updates";
            case IForEachLoopOperation loop when IsInlineArray(loop.Collection):
                return null;
            case IUsingOperation:
            case IForEachLoopOperation:
                return "this calls interface methods (IDisposable, IEnumerable), which eBPF cannot dispatch; use a bounded for loop";
            case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation:
                return "dynamic needs the runtime binder";
            case IInvocationOperation invocation:
                return CallReason(invocation);
            case IConversionOperation { Operand.Type.IsValueType: true, Type.IsReferenceType: true }:
                return "boxing allocates on the managed heap, which eBPF does not have";
            case IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false } field } when field.Type.IsReferenceType && !IsMapType(field.Type):
                return $"the static field '{field.Name}' holds a reference type; a program can only use maps and unmanaged (struct or primitive) globals";
        }

        if (IsFloatingPoint(operation.Type) && !IsFloatingPoint(operation.Parent?.Type) && operation.Parent is not IArgumentOperation)
            return "eBPF has no floating point; use integers (fixed point, e.g. thousandths)";
        if (operation.Type?.SpecialType == SpecialType.System_String && operation.Parent?.Type?.SpecialType != SpecialType.System_String
            && !IsPrintkFormat(operation) && operation is not IArgumentOperation)
            return "strings are reference types on the heap; the only string a program may use is a Bpf.Printk format literal";
        return null;
    }

    private static string? CallReason(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        if (target.MethodKind == MethodKind.DelegateInvoke)
            return "calling through a delegate is an indirect call, which eBPF does not have";
        if (OperationFacts.IsInBpfNamespace(target.ContainingType))
            return null;
        if (target.ContainingType?.TypeKind == TypeKind.Interface || (invocation.Instance is not null && (target.IsVirtual || target.IsAbstract || target.IsOverride)))
            return $"'{target.Name}' is a virtual or interface call, which eBPF cannot dispatch; call a static method";
        if (target.ContainingNamespace?.ToDisplayString() == "System.Linq")
            return "LINQ allocates iterators and calls delegates; write a bounded for loop instead";
        if (target.IsGenericMethod)
            return $"'{target.Name}' is generic; only map declarations and map methods take type arguments";
        return null;
    }

    /// <summary>foreach over an [InlineArray] struct is compiled as one body per element.</summary>
    private static bool IsInlineArray(IOperation collection)
    {
        while (collection is IConversionOperation { Conversion.IsImplicit: true } c) collection = c.Operand;
        return collection.Type?.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute") == true;
    }

    private static bool IsChecked(IOperation operation) => operation switch
    {
        IBinaryOperation b => b.IsChecked,
        IUnaryOperation u => u.IsChecked,
        ICompoundAssignmentOperation c => c.IsChecked,
        IIncrementOrDecrementOperation i => i.IsChecked,
        IConversionOperation c => c.IsChecked,
        _ => false,
    };

    private static bool IsFloatingPoint(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    /// <summary>Whether this string operation is, or is inside, the format argument of a Bpf.Printk call.</summary>
    private static bool IsPrintkFormat(IOperation operation)
    {
        for (var up = operation.Parent; up is not null; up = up.Parent)
        {
            if (up is IArgumentOperation argument)
                return argument.Parent is IInvocationOperation call && OperationFacts.HelperIdOf(call.TargetMethod) == TracePrintk
                    && call.Arguments.Length > 0 && call.Arguments[0] == argument;
        }
        return false;
    }

    private static bool IsMapType(ITypeSymbol type) => OperationFacts.IsInBpfNamespace(type);

    private static void Report(DiagnosticSink sink, Location? location, string what, string reason)
    {
        what = what.Replace("\r", " ").Replace("\n", " ");
        if (what.Length > 60) what = what.Substring(0, 57) + "...";
        sink.Add(DiagnosticDescriptors.UnsupportedConstruct, location, what, reason);
    }
}
