using System.Linq;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>BPF0005 at the call: bpf_trace_printk takes a constant format and at most three arguments.</summary>
internal static class PrintkAnalysis
{
    private const int TracePrintk = 6;
    public const int MaxArguments = 3;

    public static void Analyze(IOperation body, DiagnosticSink sink)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation invocation || OperationFacts.HelperIdOf(invocation.TargetMethod) != TracePrintk)
                continue;
            var arguments = invocation.Arguments;
            if (arguments.Length == 0 || arguments[0].Value.ConstantValue is not { HasValue: true, Value: string })
            {
                sink.Add(DiagnosticDescriptors.PrintkArguments, invocation.Syntax, "the format must be a string literal or constant");
                continue;
            }
            int count = arguments.Skip(1).Sum(a => a.ArgumentKind == ArgumentKind.ParamArray && a.Value is IArrayCreationOperation array
                ? array.Initializer?.ElementValues.Length ?? 0 : 1);
            if (count > MaxArguments)
                sink.Add(DiagnosticDescriptors.PrintkArguments, invocation.Syntax, $"this call passes {count}; split it into several calls");
        }
    }
}
