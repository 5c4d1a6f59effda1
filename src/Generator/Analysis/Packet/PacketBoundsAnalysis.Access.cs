using System.Globalization;
using System.Linq;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>Dereferences: the bytes each reads relative to its pointer, checked against what the pointer's views prove.</summary>
internal sealed partial class PacketBoundsAnalysis
{
    /// <summary>
    /// What an access reads relative to its pointer: <see cref="Size"/> bytes at <see cref="Offset"/> (a field's
    /// offset, or an index times the element size, maybe in terms of a loop counter); <see cref="Variable"/>: at an
    /// offset that is not one constant per path.
    /// </summary>
    private readonly record struct Extent(IntRange Offset, long Size, bool Variable)
    {
        public long Start => Offset.Lo;

        public long End => Offset.Hi + Size;
    }

    /// <summary>
    /// A packet pointer about to be dereferenced (the outermost operation of its cast chain) is held until the
    /// operation that reads through it (the field, the element, the indirection) is evaluated, which gives the extent.
    /// </summary>
    private void Track(IOperation operation, AbstractValue value, PacketState state)
    {
        // A pointer captured for later (a temporary the graph evaluates first) is dereferenced where the capture is read.
        if (value.Pointer is { } pointer && operation.Parent is not (IConversionOperation or IParenthesizedOperation or IFlowCaptureOperation)
            && OperationFacts.DereferenceOf(operation.Syntax) is { } dereference)
        {
            if (!_pending.ContainsKey(dereference))
                _pending[dereference] = (pointer, operation);
            return;
        }
        if (_pending.TryGetValue(operation.Syntax, out var held))
        {
            _pending.Remove(operation.Syntax);
            CheckAccess(operation.Syntax, held.Pointer, held.Operand, operation, state);
        }
    }

    private void CheckAccess(SyntaxNode dereference, PacketPointer pointer, IOperation operand, IOperation? access, PacketState state)
    {
        var extent = ExtentOf(dereference, operand, access);
        if (!pointer.IsEnd && !extent.Variable && pointer.Shift(extent.Offset).Proves(0, extent.Size))
            return;
        if (!_report)
            return;
        var (need, proven, bound, fromStart) = Describe(pointer, extent, operand, access, state);
        Report(dereference, need, proven, bound, fromStart);
    }

    private void Report(SyntaxNode at, string need, long proven, string bound, long? fromStart)
    {
        Failures.Add(at);
        if (_callSite is { } site)
        {
            // A callee's access that fails only with what this call passes: the call is the construct to fix,
            // and the check is phrased from the caller's own pointer to the packet's start when it has one.
            if (!site.Skip.Contains(at))
            {
                if (fromStart is { } end && StartName(site.CallerState) is { } name)
                    bound = name + " + " + end.ToString(CultureInfo.InvariantCulture);
                site.Caller.Report(site.Invocation.Syntax, need, proven, bound, fromStart);
            }
            return;
        }
        _sink?.Add(DiagnosticDescriptors.PacketOutOfBounds, at, at.ToString(), need, proven, bound);
    }

    private Extent ExtentOf(SyntaxNode dereference, IOperation operand, IOperation? access)
    {
        long size = TypeLayout.SizeOf((operand.Type as IPointerTypeSymbol)?.PointedAtType) ?? 1;
        switch (dereference)
        {
            case MemberAccessExpressionSyntax:
                return access is IFieldReferenceOperation { Field: var field } && TypeLayout.FieldOf(field) is { } f
                    ? new Extent(IntRange.Constant(f.Offset), f.Size, false)
                    : new Extent(IntRange.Constant(0), size, false);
            case ElementAccessExpressionSyntax:
                if (access?.ChildOperations.Skip(1).FirstOrDefault() is { } index && _values.TryGetValue(index, out var value)
                    && value.Int is { Exact: true } at)
                    return new Extent(at.Multiply(IntRange.Constant(size)), size, false);
                return new Extent(IntRange.Constant(0), size, true);
            default:
                return new Extent(IntRange.Constant(0), size, false);
        }
    }

    /// <summary>The message's offset needed, bytes proven and the check to add, in the terms of the packet's start where a view has them.</summary>
    private static (string Need, long Proven, string Bound, long? FromStart) Describe(PacketPointer pointer, Extent extent, IOperation operand, IOperation? access, PacketState state)
    {
        string text = operand.Syntax is IdentifierNameSyntax ? operand.Syntax.ToString() : "(" + operand.Syntax + ")";
        if (pointer.IsEnd || pointer.Views.Count == 0)
        {
            // DataEnd itself, a pointer computed from it, one a helper invalidated, or one moved by a value that may be negative.
            return ($"{extent.End.ToString(CultureInfo.InvariantCulture)} past '{operand.Syntax}', a pointer no comparison can prove (read Data again and check from it)",
                0, "ctx.Data + " + System.Math.Max(1, extent.End).ToString(CultureInfo.InvariantCulture), null);
        }
        if (!extent.Variable && pointer.Views.FirstOrDefault(v => v.Id == PacketOrigin.Start) is { Id: not null } start)
        {
            long end = start.Hi + extent.End;
            string bound = StartName(state) is { } name ? $"{name} + {end.ToString(CultureInfo.InvariantCulture)}" : Relative(text, operand, extent.End);
            return (end.ToString(CultureInfo.InvariantCulture), start.Range, bound, end);
        }
        if (extent.Variable)
        {
            // The verifier gives pointer + variable a new origin with nothing proven: only a check on that pointer, kept in a local, proves it.
            string index = access?.ChildOperations.Skip(1).FirstOrDefault()?.Syntax.ToString() ?? "i";
            return ($"{extent.End.ToString(CultureInfo.InvariantCulture)} past a variable index ({index})", pointer.Readable, $"{text} + ({index}) + 1", null);
        }
        return ($"{extent.End.ToString(CultureInfo.InvariantCulture)} past '{operand.Syntax}'", pointer.Readable, Relative(text, operand, extent.End), null);
    }

    /// <summary><c>p + k</c>: the whole elements of the pointer's type that cover the bytes (a header is checked whole), else <c>(byte*)p + n</c>.</summary>
    private static string Relative(string text, IOperation operand, long bytes)
    {
        long size = TypeLayout.SizeOf((operand.Type as IPointerTypeSymbol)?.PointedAtType) ?? 0;
        return size > 0
            ? $"{text} + {((bytes + size - 1) / size).ToString(CultureInfo.InvariantCulture)}"
            : $"(byte*){text} + {bytes.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A local or parameter that holds the packet's start itself, to phrase the check from.</summary>
    private static string? StartName(PacketState state)
    {
        foreach (var pair in state.Pointers)
        {
            if (pair.Key is ILocalSymbol or IParameterSymbol && pair.Value.Views.Any(v => v.Id == PacketOrigin.Start && v.Lo == 0 && v.Hi == 0)
                && (pair.Key is ILocalSymbol { Type: IPointerTypeSymbol { PointedAtType.SpecialType: SpecialType.System_Byte } }
                    || pair.Key is IParameterSymbol { Type: IPointerTypeSymbol { PointedAtType.SpecialType: SpecialType.System_Byte } }))
                return ((ISymbol)pair.Key).Name;
        }
        return null;
    }
}
