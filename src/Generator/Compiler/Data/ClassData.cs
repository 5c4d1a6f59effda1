using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Data;

/// <summary>
/// The maps and globals a program class declares: every static map field becomes a map in <c>.maps</c>, every
/// other static non-const field of an unmanaged type a global in <c>.rodata</c>, <c>.data</c> or <c>.bss</c>.
/// Fields of managed types are left to the CLR (a program that uses one gets a diagnostic there).
/// </summary>
internal sealed class ClassData
{
    public List<MapDefinition> Maps { get; } = new();

    public List<GlobalVariable> Globals { get; } = new();

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public GlobalVariable? Global(string name) => Globals.FirstOrDefault(g => g.Name == name);

    public int SectionSize(DataSection section) =>
        Globals.Where(g => g.Section == section).Select(g => g.Offset + g.Type.Size).DefaultIfEmpty(0).Max();

    public static ClassData Collect(INamedTypeSymbol type, Compilation compilation, CancellationToken ct)
    {
        var data = new ClassData();
        var offsets = new Dictionary<DataSection, int>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsStatic && !f.IsConst && !f.IsImplicitlyDeclared))
        {
            ct.ThrowIfCancellationRequested();
            var location = field.Locations.FirstOrDefault();
            if (MapKind.Of(field.Type) is { } kind)
            {
                if (!field.IsReadOnly)
                {
                    data.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MapNotReadonly, location, field.Name));
                    continue;
                }
                if (MapOf(field, kind, compilation, data.Diagnostics, ct) is { } map)
                    data.Maps.Add(map);
                continue;
            }

            if (DataTypes.Of(field.Type, out _) is not { } layout)
                continue;
            var initial = InitialBytes(field, layout, compilation, ct, out bool constant);
            if (!constant)
            {
                data.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GlobalInitializer, location, field.Name));
                continue;
            }

            var section = field.IsReadOnly ? DataSection.Rodata : initial.Any(b => b != 0) ? DataSection.Data : DataSection.Bss;
            offsets.TryGetValue(section, out int offset);
            offset = (offset + layout.Align - 1) / layout.Align * layout.Align;
            data.Globals.Add(new GlobalVariable(field.Name, section, offset, layout, initial, field.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
            offsets[section] = offset + layout.Size;
        }
        return data;
    }

    private static MapDefinition? MapOf(IFieldSymbol field, MapKind kind, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var location = field.Locations.FirstOrDefault();
        var arguments = ConstructorArguments(field, compilation, ct);
        if (arguments is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MapInitializer, location, field.Name, field.Type.Name));
            return null;
        }
        return Definition(field.Name, kind, (INamedTypeSymbol)field.Type, arguments, inner: false, field, diagnostics);
    }

    /// <summary>
    /// A definition from the constructor's arguments. A map of maps' inner template is read from the same arguments
    /// prefixed "inner" (<c>innerMaxEntries</c>, <c>innerFlags</c>) and the type of its last generic argument.
    /// </summary>
    private static MapDefinition? Definition(string name, MapKind kind, INamedTypeSymbol named, Dictionary<string, long> arguments, bool inner,
        IFieldSymbol field, List<DiagnosticInfo> diagnostics)
    {
        var location = field.Locations.FirstOrDefault();
        long Argument(string parameter, long fallback) =>
            arguments.TryGetValue(inner ? "inner" + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1) : parameter, out var v) ? v : fallback;

        uint maxEntries = (uint)Argument("maxEntries", Argument("size", 0));
        uint flags = (uint)Argument("flags", 0);
        var (key, keySize, keyName) = Part(kind.Key, named, Argument("depth", 127), field, "key", diagnostics);
        var (value, valueSize, valueName) = Part(kind.Value, named, Argument("depth", 127), field, "value", diagnostics);
        if (keySize < 0 || valueSize < 0)
            return null;

        string? problem = Problem(kind, maxEntries, flags, keySize, inner);
        MapDefinition? innerMap = null;
        if (problem is null && kind.IsMapOfMaps)
        {
            var template = named.TypeArguments[named.TypeArguments.Length - 1];
            if (MapKind.Of(template) is not { } innerKind || template is not INamedTypeSymbol innerNamed)
                problem = $"its inner map type '{template.ToDisplayString()}' is not a map kind";
            else if (innerKind.IsMapOfMaps)
                problem = "its inner maps are maps of maps again; the kernel allows one level";
            else if ((innerMap = Definition(name, innerKind, innerNamed, arguments, inner: true, field, diagnostics)) is null)
                return null;
        }
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadMapDefinition, location, field.Name, problem));
            return null;
        }

        ulong extra = (ulong)Argument("hashes", 0);
        return new MapDefinition(name, kind, key, value, keySize, valueSize, maxEntries, flags, extra, keyName, valueName, innerMap);
    }

    /// <summary>What the kernel would refuse in a definition, said in the declaration's terms; null when nothing.</summary>
    private static string? Problem(MapKind kind, uint maxEntries, uint flags, int keySize, bool inner)
    {
        if (kind.RequiresMaxEntries && maxEntries == 0)
            return inner ? "its inner map template's size (innerMaxEntries) must be greater than zero" : "its size must be greater than zero";
        if (kind.KernelType == 27 && (maxEntries < 4096 || (maxEntries & (maxEntries - 1)) != 0))
            return $"a ring buffer's size must be a power of two and a multiple of the 4096-byte page; {maxEntries} is not";
        if (keySize > 512)
            return $"its {keySize}-byte key is larger than the 512 bytes of stack a program can build it in";
        if (kind.KernelType == 11 && keySize <= 4)
            return "an LPM trie key must start with a uint prefix length followed by at least one byte of data";
        if (kind.KernelType == 11 && (flags & 1) == 0)
            return "the kernel requires LPM tries to be created with MapFlags.NoPrealloc" + (inner ? " (innerFlags)" : "");
        return null;
    }

    private static (DataType? Type, int Size, string Name) Part(MapPart part, INamedTypeSymbol map, long depth,
        IFieldSymbol field, string what, List<DiagnosticInfo> diagnostics)
    {
        switch (part)
        {
            case MapPart.None: return (null, 0, "");
            case MapPart.Opaque4 or MapPart.InnerMap: return (null, 4, "");
            case MapPart.StackFrames: return (null, 8 * (int)depth, "");
            case MapPart.Index: return (new IntData("uint", 4, IntEncoding.Unsigned), 4, "uint");
        }

        var type = map.TypeArguments[part == MapPart.First ? 0 : 1];
        if (DataTypes.Of(type, out string reason) is not { } layout)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MapTypeLayout, field.Locations.FirstOrDefault(), type.ToDisplayString(), what, field.Name, reason));
            return (null, -1, "");
        }
        return (layout, layout.Size, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    /// <summary>The constant arguments of the field's <c>new(...)</c>, by parameter name (defaults included); null when there is no such initializer.</summary>
    private static Dictionary<string, long>? ConstructorArguments(IFieldSymbol field, Compilation compilation, CancellationToken ct)
    {
        var initializer = Initializer(field, ct);
        if (initializer is null)
            return null;
        var model = compilation.GetSemanticModel(initializer.SyntaxTree);
        if (model.GetOperation(initializer.Value, ct) is not IObjectCreationOperation creation)
            return null;
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var argument in creation.Arguments)
        {
            var constant = argument.Value.ConstantValue;
            if (argument.Parameter is null || !constant.HasValue || constant.Value is null or string)
                return null;
            result[argument.Parameter.Name] = ToLong(constant.Value);
        }
        return result;
    }

    private static EqualsValueClauseSyntax? Initializer(IFieldSymbol field, CancellationToken ct) =>
        field.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).OfType<VariableDeclaratorSyntax>().FirstOrDefault()?.Initializer;

    /// <summary>The field's initial bytes: zeros without an initializer or with <c>default</c>, else its constant.</summary>
    private static byte[] InitialBytes(IFieldSymbol field, DataType layout, Compilation compilation, CancellationToken ct, out bool constant)
    {
        var bytes = new byte[layout.Size];
        constant = true;
        var initializer = Initializer(field, ct);
        if (initializer is null)
            return bytes;
        var model = compilation.GetSemanticModel(initializer.SyntaxTree);
        var operation = model.GetOperation(initializer.Value, ct);
        while (operation is IConversionOperation conversion && !conversion.ConstantValue.HasValue)
            operation = conversion.Operand;
        if (operation is IDefaultValueOperation || (operation is IObjectCreationOperation { Arguments.Length: 0, Initializer: null }))
            return bytes;
        var value = model.GetConstantValue(initializer.Value, ct);
        if (!value.HasValue || value.Value is null or string || layout is not (IntData or EnumData or FloatData))
        {
            constant = false;
            return bytes;
        }

        byte[] raw = layout is FloatData
            ? (layout.Size == 4 ? BitConverter.GetBytes(Convert.ToSingle(value.Value, System.Globalization.CultureInfo.InvariantCulture))
                : BitConverter.GetBytes(Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture)))
            : BitConverter.GetBytes(ToLong(value.Value));
        Array.Copy(raw, bytes, Math.Min(raw.Length, bytes.Length));
        return bytes;
    }

    internal static long ToLong(object value) => value switch
    {
        ulong u => unchecked((long)u),
        bool b => b ? 1 : 0,
        char c => c,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
