using System.Linq;
using BpfSharp.Generator.Compiler.Data;
using BpfSharp.Generator.Compiler.Ir;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Globals: static fields of the program class in <c>.rodata</c>/<c>.data</c>/<c>.bss</c>. The address of one is an
/// LD_IMM64 of its section with the variable's offset as imm (a <see cref="RelocationKind.GlobalData"/> relocation),
/// then an ordinary load or store.
/// </summary>
internal sealed partial class MethodLowering
{
    private ClassData? _classData;

    private ClassData Data => _classData ??= ClassData.Collect(_method.ContainingType, _compilation, _cancellationToken);

    /// <summary>The global a static field reference names, or null when the field is not one.</summary>
    private GlobalVariable? GlobalOf(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (!field.IsStatic || field.IsConst || MapKind.Of(field.Type) is not null)
            return null;
        if (!SymbolEqualityComparer.Default.Equals(field.ContainingType, _method.ContainingType))
            return null;
        return Data.Global(field.Name);
    }

    /// <summary>
    /// A place in a global: the field itself, or a field of a struct global (<c>Settings.Limit</c>). Null when
    /// <paramref name="target"/> is not in a global.
    /// </summary>
    private Place? GlobalPlace(IOperation target)
    {
        if (GlobalAddress(target) is not { } at || IntType.From(target.Type) is not { } type)
            return null;
        return Place.At(at.Base, at.Offset, type);
    }

    /// <summary>The address of a global or of a field inside one, as a base register and a constant offset.</summary>
    private (Operand Base, int Offset)? GlobalAddress(IOperation target)
    {
        if (target is not IFieldReferenceOperation reference)
            return null;
        if (reference.Field.IsStatic)
        {
            if (GlobalOf(reference) is not { } global)
            {
                if (reference.Field.IsStatic && !reference.Field.IsConst && !reference.Field.IsReadOnly
                    && !SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, _method.ContainingType))
                    Report(DiagnosticDescriptors.ForeignMapOrGlobal, reference, reference.Field.Name, reference.Field.ContainingType.ToDisplayString());
                return null;
            }
            int v = Def(new IrInst(IrOp.LoadAddress)
            {
                Symbol = GlobalVariable.SectionName(global.Section), Imm = global.Offset, Relocation = RelocationKind.GlobalData,
            });
            return (Operand.R(v), 0);
        }

        if (reference.Instance is null || GlobalAddress(reference.Instance) is not { } parent)
            return null;
        if (DataTypes.Of(reference.Instance.Type!, out _) is not StructData layout)
            return null;
        var field = layout.Fields.FirstOrDefault(f => f.Name == FieldName(reference.Field));
        return field is null ? null : (parent.Base, parent.Offset + field.Offset);
    }

    private static string FieldName(IFieldSymbol field) => field.AssociatedSymbol is IPropertySymbol p ? p.Name : field.Name;
}
