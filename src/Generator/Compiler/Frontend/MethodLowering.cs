using System.Collections.Generic;
using System.Threading;
using BpfSharp.Generator.Compiler.Ir;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Lowers one method body from Roslyn's <see cref="IOperation"/> tree to IR. A construct outside the subset is
/// reported as a diagnostic at its location and lowered to a harmless placeholder so the rest is still checked.
/// </summary>
internal sealed partial class MethodLowering
{
    private readonly IMethodSymbol _method;
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<ISymbol, Local> _locals = new(SymbolEqualityComparer.Default);
    private IrBlock _current;

    private MethodLowering(IMethodSymbol method, string name, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _method = method;
        _compilation = compilation;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        Function = new IrFunction(name);
        _current = Function.NewBlock();
        _placed.Add(_current);
    }

    public IrFunction Function { get; }

    /// <summary>Lowers <paramref name="method"/>; returns null (with diagnostics added) when it is outside the subset.</summary>
    public static IrFunction? Lower(IMethodSymbol method, string name, Compilation compilation, List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken, Subprograms? subprograms = null)
    {
        int before = diagnostics.Count;
        if (!MethodBody.TryGet(method, compilation, cancellationToken, out var body))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, method.Locations.Length > 0 ? method.Locations[0] : null,
                method.Name, "the method has no body in source"));
            return null;
        }

        var lowering = new MethodLowering(method, name, compilation, diagnostics, cancellationToken) { _subprograms = subprograms ?? new Subprograms() };
        lowering.FindAddressTaken(body.Operation);
        // The kernel wants line info at a function's first instruction: the declaration covers code before the first statement.
        if (method.DeclaringSyntaxReferences.Length > 0)
            lowering.MarkLine(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken));
        lowering.LowerParameters();
        if (body.IsExpression)
            lowering.LowerExpressionBody(body.Operation);
        else
            lowering.LowerStatement(body.Operation);
        if (lowering._current.Terminator is null)
            lowering.EmitReturn(Operand.C(0)); // falling off the end is only legal C# for void methods
        return diagnostics.Count == before ? lowering.Function : null;
    }

    private void LowerParameters()
    {
        int index = 0;
        if (ReturnsStruct(_method))
        {
            int hidden = Function.NewFixedReg(1);
            Function.Params.Add(hidden);
            _returnPointer = KeepIncoming(hidden);
            index++;
        }
        foreach (var p in _method.Parameters)
        {
            int incoming = Function.NewFixedReg(1 + index);
            index++;
            if (index > 5)
            {
                Unsupported(p.Locations.Length > 0 ? p.Locations[0] : null, p.Name, "eBPF functions take at most 5 arguments");
                continue;
            }

            // Structs and by-reference parameters arrive as pointers into the caller's stack.
            if (StructOf(p.Type) is not null && !IsContext(p.Type))
            {
                Function.Params.Add(incoming);
                _structPlaces[p] = (KeepIncoming(incoming), -1, 0);
                continue;
            }
            if (p.RefKind != RefKind.None && IntType.From(p.Type) is { } referenced)
            {
                Function.Params.Add(incoming);
                _refParameters[p] = Place.At(KeepIncoming(incoming), 0, referenced);
                continue;
            }

            var type = IntType.From(p.Type) ?? (IsContext(p.Type) ? IntType.ULong : (IntType?)null);
            if (type is null)
            {
                Unsupported(p.Locations.Length > 0 ? p.Locations[0] : null, p.Name, $"parameters of type '{p.Type.ToDisplayString()}' are not supported");
                continue;
            }

            Function.Params.Add(incoming);
            var local = NeedsSlot(p) ? Local.InSlot(Function.NewSlot(type.Value.Bits / 8, type.Value.Bits / 8, VariableOrigin(p)), type.Value)
                : Local.InRegister(Function.NewReg(), type.Value);
            _locals[p] = local;
            WriteLocal(local, new Value(Operand.R(incoming), type.Value));
        }
    }

    private static bool IsContext(ITypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == "BpfSharp" && type.Name.EndsWith("Context", System.StringComparison.Ordinal)
        || IsContextStruct(type);

    private void LowerExpressionBody(IOperation operation)
    {
        MarkLine(operation.Syntax);
        if (ReturnsStruct(CurrentMethod))
        {
            LowerStructReturn(operation);
        }
        else if (CurrentMethod.ReturnsVoid)
        {
            LowerEffect(operation);
            EmitReturn(Operand.C(0));
        }
        else
        {
            var value = Convert(LowerExpression(operation), ReturnType(), operation);
            EmitReturn(value.Operand);
        }
    }

    private IntType ReturnType() => IntType.From(CurrentMethod.ReturnType) ?? IntType.Long;

    // ----- emission -----

    private IrInst Emit(IrInst inst)
    {
        if (_current.Terminator is not null)
        {
            _current = Function.NewBlock(); // code after a jump or return: unreachable, removed later
            _placed.Add(_current);
        }
        Count(inst);
        _current.Insts.Add(inst);
        return inst;
    }

    /// <summary>Returns from the function, or, inside an inlined call, leaves the value for the caller and jumps past the call.</summary>
    private void EmitReturn(Operand value)
    {
        if (_inlined.Count > 0)
        {
            var frame = _inlined.Peek();
            Emit(new IrInst(IrOp.Mov) { Dst = frame.Result, A = value, Width = Width.W64 });
            EmitJump(frame.Exit);
            return;
        }
        Emit(new IrInst(IrOp.Return) { A = value });
    }

    private void EmitJump(IrBlock target) => Emit(new IrInst(IrOp.Jump) { Target = target });

    private void EmitBranch(Cond cond, Width width, Operand a, Operand b, IrBlock then, IrBlock otherwise) =>
        Emit(new IrInst(IrOp.Branch) { Cond = cond, Width = width, A = a, B = b, Target = then, Else = otherwise });

    /// <summary>Continues in <paramref name="block"/>, placing it next in the layout; the current block falls through to it.</summary>
    private void StartBlock(IrBlock block)
    {
        if (_current.Terminator is null)
            EmitJump(block);
        Enter(block);
    }

    /// <summary>Continues in <paramref name="block"/> (whose predecessors all jump to it), placing it next in the layout.</summary>
    private void Enter(IrBlock block)
    {
        if (_placed.Add(block))
            Function.Blocks.Add(block);
        _current = block;
    }

    private IrBlock NewBlock() => Function.CreateBlock();

    private int Def(IrInst inst)
    {
        inst.Dst = Function.NewReg();
        Emit(inst);
        return inst.Dst;
    }

    private void MarkLine(SyntaxNode syntax)
    {
        // Each inlined copy of a statement marks the same line: it is worked out once.
        if (!_lines.TryGetValue(syntax, out var line))
        {
            var span = syntax.GetLocation().GetLineSpan();
            var text = syntax.SyntaxTree.GetText(_cancellationToken);
            int number = span.StartLinePosition.Line;
            string lineText = number < text.Lines.Count ? text.Lines[number].ToString().Trim() : string.Empty;
            _lines[syntax] = line = new SourceLine(syntax.SyntaxTree.FilePath, number + 1, span.StartLinePosition.Character + 1, lineText);
        }
        Emit(new IrInst(IrOp.Line) { Line = line });
    }

    // ----- diagnostics -----

    private Value Unsupported(IOperation operation, string reason)
    {
        Unsupported(operation.Syntax.GetLocation(), Shorten(operation.Syntax.ToString()), reason);
        return Value.Const(0, IntType.Long);
    }

    private Value Checked(IOperation operation)
    {
        Report(Diagnostics.DiagnosticDescriptors.CheckedArithmetic, operation, Shorten(operation.Syntax.ToString()));
        return Value.Const(0, IntType.Long);
    }

    private void Unsupported(Location? location, string what, string reason) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, location, what, reason));

    private void Report(DiagnosticDescriptor descriptor, IOperation operation, params object?[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, operation.Syntax.GetLocation(), args));

    private static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}

/// <summary>Where a local or parameter lives: a virtual register, or a stack slot when its address is taken.</summary>
internal readonly record struct Local(int Register, int Slot, IntType Type)
{
    public static Local InRegister(int register, IntType type) => new(register, -1, type);

    public static Local InSlot(int slot, IntType type) => new(-1, slot, type);

    public bool IsInSlot => Slot >= 0;
}
