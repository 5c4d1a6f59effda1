using System.Linq;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Reads of program contexts: members marked [ContextMember] (PtRegs.Arg0, TracepointContext.Fields, ...) and
/// fields of the structs they expose become loads at the context pointer plus a constant offset, the offset picked
/// for the target architecture. The kernel's verifier only accepts context reads at constant offsets, which is why
/// an indexed member needs a constant index.
/// </summary>
internal sealed partial class MethodLowering
{
    private const string ContextMemberAttributeName = "BpfSharp.ContextMemberAttribute";
    private const string TargetArchitectureAttributeName = "BpfSharp.BpfTargetArchitectureAttribute";

    private bool? _targetIsArm64;

    /// <summary>A place in the context: the register holding the context pointer and a constant offset.</summary>
    private readonly record struct ContextAddress(Operand Base, int Offset);

    /// <summary>A read of a context member or of a field behind one; null when <paramref name="operation"/> is neither.</summary>
    private Value? TryLowerContextRead(IOperation operation) =>
        ContextPlace(operation) is { } place ? ReadPlace(place, operation) : null;

    /// <summary>The integer-typed context location <paramref name="operation"/> reads, or null.</summary>
    private Place? ContextPlace(IOperation operation)
    {
        if (IntType.From(operation.Type) is not { } type || ContextAddressOf(operation) is not { } address)
            return null;
        return Place.At(address.Base, address.Offset, type);
    }

    private ContextAddress? ContextAddressOf(IOperation operation)
    {
        switch (operation)
        {
            case IParenthesizedOperation paren:
                return ContextAddressOf(paren.Operand);
            case IParameterReferenceOperation or ILocalReferenceOperation when operation.Type is { } t && IsContextStruct(t):
                return new ContextAddress(ReadLocal(operation).Operand, 0);
            case IPropertyReferenceOperation { Instance: { } instance } property
                when ContextMemberOf(property.Property) is { } member && ContextAddressOf(instance) is { } at:
                return new ContextAddress(at.Base, at.Offset + MemberOffset(member, null, property));
            case IInvocationOperation { Instance: { } instance, Arguments.Length: 1 } call
                when ContextMemberOf(call.TargetMethod) is { } member && ContextAddressOf(instance) is { } at:
                return new ContextAddress(at.Base, at.Offset + MemberOffset(member, call.Arguments[0].Value, call));
            case IFieldReferenceOperation { Instance: { } instance } field
                when !field.Field.IsFixedSizeBuffer && ContextAddressOf(instance) is { } at
                    && StructLayout.Of(field.Field.ContainingType) is { } layout && layout.Offsets.TryGetValue(field.Field, out int offset):
                return new ContextAddress(at.Base, at.Offset + offset);
            default:
                return null;
        }
    }

    /// <summary>A type whose members read a kernel context: one in BpfSharp with at least one [ContextMember].</summary>
    private static bool IsContextStruct(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Struct
        && type.ContainingNamespace?.ToDisplayString() == "BpfSharp"
        && type.GetMembers().Any(m => ContextMemberOf(m) is not null);

    private static AttributeData? ContextMemberOf(ISymbol member) =>
        member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ContextMemberAttributeName);

    private int MemberOffset(AttributeData member, IOperation? index, IOperation origin)
    {
        bool arm64 = TargetIsArm64();
        int offset = member.ConstructorArguments[0].Value is int o ? o : 0;
        int? arm64Offset = Named<int>(member, "Arm64Offset") is { } a && a >= 0 ? a : null;
        if (arm64 && arm64Offset is { } armOffset)
            offset = armOffset;
        if (index is null)
            return offset;

        if (index.ConstantValue is not { HasValue: true, Value: int i })
        {
            Unsupported(origin, "the index of a context member must be a constant (the verifier only allows constant context offsets)");
            return offset;
        }
        var table = NamedArray(member, arm64 ? "Arm64Table" : "X64Table");
        if (table is not null)
        {
            if (i >= 0 && i < table.Length)
                return table[i];
            Unsupported(origin, $"the index must be between 0 and {table.Length - 1}");
            return offset;
        }
        if (i < 0)
            Unsupported(origin, "the index must not be negative");
        return offset + i * (Named<int>(member, "Stride") ?? 0);
    }

    private bool TargetIsArm64() =>
        _targetIsArm64 ??= _compilation.Assembly.GetAttributes()
            .Any(a => a.AttributeClass?.ToDisplayString() == TargetArchitectureAttributeName
                && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int arch && arch == 1);

    private static T? Named<T>(AttributeData attribute, string name)
        where T : struct =>
        attribute.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value is T value ? value : null;

    private static int[]? NamedArray(AttributeData attribute, string name)
    {
        var argument = attribute.NamedArguments.FirstOrDefault(n => n.Key == name);
        return argument.Key is null || argument.Value.IsNull ? null : argument.Value.Values.Select(v => v.Value is int x ? x : 0).ToArray();
    }
}
