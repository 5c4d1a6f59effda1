using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using BpfSharp.Generator.Compiler.Data;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator;

/// <summary>
/// Class data → what the skeleton exposes: a typed view per map, a typed property per global, and for event maps
/// the record type the programs write. Symbols are only read here; the models hold strings.
/// </summary>
internal static class SkeletonMembers
{
    public static EquatableArray<MapModel> Maps(INamedTypeSymbol type, ClassData data, Compilation compilation, CancellationToken ct)
    {
        var maps = new List<MapModel>();
        foreach (var map in data.Maps)
        {
            var field = FieldOf(type, map.Name);
            var arguments = field?.Type is INamedTypeSymbol { TypeArguments.Length: > 0 } named ? named.TypeArguments : ImmutableArray<ITypeSymbol>.Empty;
            var reader = map.Kind.KernelType switch { 27 => MapReader.RingBuffer, 4 => MapReader.PerfBuffer, _ => MapReader.None };
            string record = "";
            string access = Accessibility(arguments);
            if (reader != MapReader.None && field is not null && RecordTypeOf(type, field, compilation, ct) is { } written)
            {
                record = written.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                if (Accessibility(new[] { written }) is not "public")
                    record = "";
            }
            if (access is "private")
            {
                maps.Add(new MapModel(map.Name, "BpfMap", map.MaxEntries, reader, record));
                continue;
            }
            string runtimeType = map.Kind.RuntimeType.Replace("{K}", map.KeyTypeName).Replace("{V}", map.ValueTypeName);
            maps.Add(new MapModel(map.Name, runtimeType, map.MaxEntries, reader, record, access));
        }
        return maps.ToEquatableArray();
    }

    public static EquatableArray<GlobalModel> Globals(INamedTypeSymbol type, ClassData data)
    {
        var globals = new List<GlobalModel>();
        foreach (var global in data.Globals)
        {
            string access = FieldOf(type, global.Name) is { } field ? Accessibility(new[] { field.Type }) : "private";
            if (access is "private")
                continue;
            globals.Add(new GlobalModel(global.Name, global.TypeName, global.Section == DataSection.Rodata,
                Literal(global.Type, global.TypeName, global.Initial), access));
        }
        return globals.ToEquatableArray();
    }

    private static IFieldSymbol? FieldOf(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault();

    /// <summary>The one record type the class's programs write to <paramref name="field"/>'s event map, or null when none or several.</summary>
    private static ITypeSymbol? RecordTypeOf(INamedTypeSymbol type, IFieldSymbol field, Compilation compilation, CancellationToken ct)
    {
        ITypeSymbol? found = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(ct);
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
            foreach (var invocation in syntax.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Output" or "Reserve" } access)
                    continue;
                if (model.GetSymbolInfo(invocation, ct).Symbol is not IMethodSymbol { TypeArguments.Length: > 0 } method)
                    continue;
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, ct).Symbol, field))
                    continue;
                var written = method.TypeArguments[method.TypeArguments.Length - 1];
                if (found is not null && !SymbolEqualityComparer.Default.Equals(found, written))
                    return null;
                found = written;
            }
        }
        return found;
    }

    /// <summary>
    /// The most a generated member may be seen: "public" when every type involved is public, "internal" when they
    /// are at least internal, "private" when one is private or protected (then the skeleton leaves the member out).
    /// </summary>
    private static string Accessibility(IEnumerable<ITypeSymbol> types)
    {
        string result = "public";
        foreach (var type in types)
        {
            for (ISymbol? t = type; t is INamedTypeSymbol named; t = t.ContainingType)
            {
                switch (named.DeclaredAccessibility)
                {
                    case Microsoft.CodeAnalysis.Accessibility.Public:
                        break;
                    case Microsoft.CodeAnalysis.Accessibility.Internal:
                        result = "internal";
                        break;
                    default:
                        return "private";
                }
                if (Accessibility(named.TypeArguments) is var inner && inner != "public")
                {
                    if (inner == "private")
                        return inner;
                    result = inner;
                }
            }
        }
        return result;
    }

    /// <summary>The declared initial value as a C# expression, rebuilt from the bytes the object carries.</summary>
    internal static string Literal(DataType layout, string typeName, byte[] bytes)
    {
        if (bytes.All(b => b == 0))
            return "default";
        var padded = new byte[8];
        Array.Copy(bytes, padded, Math.Min(8, bytes.Length));
        ulong raw = BitConverter.ToUInt64(padded, 0);
        switch (layout)
        {
            case FloatData { Size: 4 }:
                return BitConverter.ToSingle(bytes, 0).ToString("R", CultureInfo.InvariantCulture) + "f";
            case FloatData:
                return BitConverter.ToDouble(bytes, 0).ToString("R", CultureInfo.InvariantCulture) + "d";
            case IntData { Encoding: IntEncoding.Bool }:
                return raw != 0 ? "true" : "false";
            case IntData { Encoding: IntEncoding.Char }:
                return "(char)" + raw.ToString(CultureInfo.InvariantCulture);
            case IntData { Encoding: IntEncoding.Signed } i:
                return SignExtend(raw, i.Size).ToString(CultureInfo.InvariantCulture);
            case IntData:
                return raw.ToString(CultureInfo.InvariantCulture) + (raw > long.MaxValue ? "UL" : "");
            case EnumData e when e.Values.FirstOrDefault(v => v.Value == (e.Signed ? SignExtend(raw, e.Size) : unchecked((long)raw))).Key is { } member:
                return typeName + "." + member;
            case EnumData e:
                return "(" + typeName + ")(" + (e.Signed ? SignExtend(raw, e.Size).ToString(CultureInfo.InvariantCulture) : raw.ToString(CultureInfo.InvariantCulture)) + ")";
            default:
                return "default";
        }
    }

    private static long SignExtend(ulong raw, int size) => size >= 8 ? unchecked((long)raw) : unchecked((long)(raw << (64 - 8 * size)) >> (64 - 8 * size));
}
