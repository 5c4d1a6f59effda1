using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>An inlined call being lowered: where its returns put the value and where they continue.</summary>
internal sealed record InlineFrame(IMethodSymbol Method, int Result, IrBlock Exit, int ResultSlot = -1);

internal sealed partial class MethodLowering
{
    private const System.Reflection.MethodImplAttributes AggressiveInlining = (System.Reflection.MethodImplAttributes)0x100;
    private const System.Reflection.MethodImplAttributes NoInlining = (System.Reflection.MethodImplAttributes)0x8;

    private readonly Stack<InlineFrame> _inlined = new();
    private Subprograms _subprograms = new();

    private IMethodSymbol CurrentMethod => _inlined.Count > 0 ? _inlined.Peek().Method : _method;

    private bool IsUserMethod(IMethodSymbol target) =>
        target.IsStatic && target.MethodKind == MethodKind.Ordinary && target.DeclaringSyntaxReferences.Length > 0
        && SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, _compilation.Assembly);

    /// <summary>Calls a user method; a struct result goes to <paramref name="resultSlot"/>.</summary>
    private Value LowerUserCall(IInvocationOperation invocation, int resultSlot = -1)
    {
        var target = invocation.TargetMethod;
        if (IsRecursive(target, out var through))
        {
            Report(DiagnosticDescriptors.Recursion, invocation, target.Name, through.Name);
            return Value.Const(0, IntType.Long);
        }

        bool structResult = ReturnsStruct(target);
        if (structResult && resultSlot < 0)
        {
            // The result is discarded (or used where a struct value is not expected): it still needs a home.
            var layout = StructOf(target.ReturnType)!;
            resultSlot = Function.NewSlot((layout.Size + 7) & ~7, 8, TemporaryOrigin(invocation));
        }
        var returnType = target.ReturnsVoid || structResult ? IntType.Long : IntType.From(target.ReturnType);
        if (returnType is null)
            return Unsupported(invocation, $"calls returning '{target.ReturnType.ToDisplayString()}' are not supported");
        if (!TryGetBody(target, out var body))
            return Unsupported(invocation, $"'{target.Name}' has no body in source");

        bool hasRefParameters = target.Parameters.Any(p => p.RefKind != RefKind.None);
        var implementation = target.MethodImplementationFlags;
        bool inline = (implementation & NoInlining) == 0
            && (hasRefParameters || (implementation & AggressiveInlining) != 0 || IsSmall(body));
        if (inline)
            return Inline(invocation, target, body, returnType.Value, resultSlot);

        int first = structResult ? 1 : 0;
        var args = new Operand[invocation.Arguments.Length + first];
        if (args.Length > 5)
            return Unsupported(invocation, "eBPF functions take at most 5 arguments");
        // Arguments are evaluated in source order, as C# does.
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Syntax.SpanStart))
        {
            if (AddressArgument(argument) is { } address)
            {
                args[first + argument.Parameter!.Ordinal] = Snapshot(new Value(address, IntType.ULong)).Operand;
                continue;
            }
            var parameterType = IntType.From(argument.Parameter!.Type);
            if (parameterType is null)
                return Unsupported(argument, $"arguments of type '{argument.Parameter.Type.ToDisplayString()}' are not supported");
            args[first + argument.Parameter.Ordinal] = Snapshot(Convert(LowerExpression(argument.Value), parameterType.Value, argument)).Operand;
        }
        if (structResult)
            args[0] = Operand.R(Def(new IrInst(IrOp.StackAddress) { Slot = resultSlot }));

        string name = _subprograms.Request(target);
        int v = Def(new IrInst(IrOp.CallLocal) { Symbol = name, Args = args });
        return new Value(Operand.R(v), returnType.Value);
    }

    /// <summary>Small enough that a call would cost more than the copy: an expression, or a few statements without loops.</summary>
    private static bool IsSmall(MethodBody body) =>
        body.IsExpression || (body.Operation is IBlockOperation block && block.Operations.Length <= 4
            && !block.Descendants().Any(o => o is ILoopOperation));

    private Value Inline(IInvocationOperation invocation, IMethodSymbol target, MethodBody body, IntType returnType, int resultSlot)
    {
        CountInlineCopy(target);
        // Arguments are evaluated in the caller, in order, before the callee's parameters are bound.
        var bindings = new List<(IParameterSymbol Parameter, Local Local, Value Value)>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Syntax.SpanStart))
        {
            var parameter = argument.Parameter!;
            if (StructOf(parameter.Type) is { } structLayout)
            {
                // By value: the callee gets its own copy; by reference: the caller's storage.
                var at = parameter.RefKind == RefKind.None ? CopyToNewSlot(structLayout, argument.Value, VariableOrigin(parameter)) : StructAddress(Declared(argument.Value));
                if (at is { } structAt)
                    _structPlaces[parameter] = structAt.Slot >= 0 || structAt.Base.IsConst ? structAt : (Snapshot(new Value(structAt.Base, IntType.ULong)).Operand, -1, structAt.Offset);
                else
                    Unsupported(argument, "this struct cannot be passed by reference");
                continue;
            }
            if (parameter.RefKind != RefKind.None)
            {
                // A ref parameter aliases the caller's variable: the callee uses the same storage.
                var referenced = Declared(argument.Value);
                if (TryGetLocal(referenced, out var aliased))
                    _locals[parameter] = aliased;
                else if (LowerMemoryPlace(referenced) is { } place)
                    _refParameters[parameter] = place;
                else
                    Unsupported(argument, "only locals, parameters and fields can be passed by reference");
                continue;
            }

            var type = IntType.From(parameter.Type);
            if (type is null)
            {
                Unsupported(argument, $"arguments of type '{parameter.Type.ToDisplayString()}' are not supported");
                continue;
            }
            bindings.Add((parameter, default, Snapshot(Convert(LowerExpression(argument.Value), type.Value, argument))));
        }

        FindAddressTaken(body.Operation);
        foreach (var (parameter, _, value) in bindings)
        {
            var local = NeedsSlot(parameter) ? Local.InSlot(Function.NewSlot(value.Type.Bits / 8, value.Type.Bits / 8, VariableOrigin(parameter)), value.Type)
                : Local.InRegister(Function.NewReg(), value.Type);
            _locals[parameter] = local;
            WriteLocal(local, value);
        }

        // Each inlined copy jumps to its own blocks: labels of an earlier copy of the same body are forgotten.
        foreach (var labeled in body.Operation.DescendantsAndSelf().OfType<ILabeledOperation>())
            _labels.Remove(labeled.Label);
        var frame = new InlineFrame(target, Function.NewReg(), NewBlock(), resultSlot);
        _inlined.Push(frame);
        if (body.IsExpression)
            LowerExpressionBody(body.Operation);
        else
            LowerStatement(body.Operation);
        if (_current.Terminator is null)
            EmitReturn(Operand.C(0));
        _inlined.Pop();
        Enter(frame.Exit);
        return new Value(Operand.R(frame.Result), returnType);
    }
}
