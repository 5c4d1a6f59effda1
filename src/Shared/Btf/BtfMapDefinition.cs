using System;
using System.Collections.Generic;
using System.IO;

namespace BpfSharp.Btf;

/// <summary>
/// A map declared the libbpf way, as a variable in the ".maps" section whose anonymous struct type carries the
/// settings in its member types: <c>__uint(name, n)</c> is <c>int (*name)[n]</c> (a pointer to an array whose
/// length is the value) and <c>__type(name, T)</c> is <c>T *name</c>. Nothing is stored in the section's bytes.
/// Zero means "not given" for every number (libbpf's convention too). A map of maps names the definition of its
/// inner maps in <c>__array(values, struct inner)</c>: <c>struct inner *values[]</c>, which <see cref="Inner"/> holds.
/// </summary>
internal sealed record BtfMapDefinition(
    string Name,
    uint Type,
    uint KeySize,
    uint ValueSize,
    uint MaxEntries,
    uint Flags,
    uint Pinning,
    uint KeyTypeId,
    uint ValueTypeId,
    uint NumaNode = 0,
    ulong MapExtra = 0,
    BtfMapDefinition? Inner = null)
{
    public const string SectionName = ".maps";

    /// <summary>BPF_MAP_TYPE_PROG_ARRAY.</summary>
    private const uint ProgramArrayType = 3;

    /// <summary>BPF_MAP_TYPE_ARRAY_OF_MAPS and BPF_MAP_TYPE_HASH_OF_MAPS: their values are inner map fds (4 bytes).</summary>
    private const uint ArrayOfMapsType = 12, HashOfMapsType = 13;

    public static bool IsMapOfMaps(uint type) => type is ArrayOfMapsType or HashOfMapsType;

    /// <summary>Every map in the ".maps" DATASEC, with its byte offset in that section (where relocations point).</summary>
    public static IReadOnlyList<(uint Offset, BtfMapDefinition Map)> ReadAll(BtfSpec spec)
    {
        var result = new List<(uint, BtfMapDefinition)>();
        uint sectionId = spec.Find(SectionName, BtfKind.DataSec);
        if (sectionId == 0)
            return result;
        foreach (var info in ((BtfDataSec)spec[sectionId]).Vars)
        {
            if (spec[info.Type] is not BtfVar variable)
                throw new InvalidDataException($"{SectionName} entry at offset {info.Offset} is a {spec[info.Type].Kind}, not a VAR.");
            result.Add((info.Offset, Decode(spec, variable.Name, variable.Type)));
        }
        return result;
    }

    /// <summary>Reads the definition struct <paramref name="typeId"/> of the map <paramref name="name"/>.</summary>
    public static BtfMapDefinition Decode(BtfSpec spec, string name, uint typeId)
    {
        if (spec[spec.Resolve(typeId)] is not BtfStruct definition)
            throw new InvalidDataException($"Map '{name}': its type id {typeId} is not a struct.");

        uint type = 0, keySize = 0, valueSize = 0, maxEntries = 0, flags = 0, pinning = 0, keyType = 0, valueType = 0, numaNode = 0;
        ulong mapExtra = 0;
        BtfMember? values = null;
        foreach (var member in definition.Members)
        {
            switch (member.Name)
            {
                case "type": type = Number(spec, name, member); break;
                case "max_entries": maxEntries = Number(spec, name, member); break;
                case "map_flags": flags = Number(spec, name, member); break;
                case "pinning": pinning = Number(spec, name, member); break;
                case "key_size": keySize = Number(spec, name, member); break;
                case "value_size": valueSize = Number(spec, name, member); break;
                case "numa_node": numaNode = Number(spec, name, member); break;
                case "map_extra": mapExtra = LongNumber(spec, name, member); break;
                case "key": keyType = Pointee(spec, name, member); break;
                case "value": valueType = Pointee(spec, name, member); break;
                case "values": values = member; break;
                default:
                    throw new InvalidDataException($"Map '{name}': unknown definition member '{member.Name}'.");
            }
        }

        keySize = SizeFromType(spec, name, "key", keyType, keySize);
        valueSize = SizeFromType(spec, name, "value", valueType, valueSize);
        BtfMapDefinition? inner = null;
        // Initial slots (a program array's programs, a map of maps' maps) come from relocations against the section,
        // which the loader applies; here only a map of maps' inner template matters.
        if (values is not null)
        {
            uint element = ValuesElement(spec, name, values);
            if (IsMapOfMaps(type))
            {
                inner = Decode(spec, name + ".inner", element);
                if (inner.Inner is not null)
                    throw new NotSupportedException($"Map '{name}': its inner maps hold maps again; one level of maps in maps is all the kernel allows.");
                if (valueSize != 0 && valueSize != 4)
                    throw new InvalidDataException($"Map '{name}': value_size {valueSize}, but a map of maps holds 4-byte map fds.");
                valueSize = 4;
            }
            else if (type != ProgramArrayType)
            {
                throw new InvalidDataException($"Map '{name}': only program arrays and maps of maps take 'values'.");
            }
        }
        return new BtfMapDefinition(name, type, keySize, valueSize, maxEntries, flags, pinning, keyType, valueType, numaNode, mapExtra, inner);
    }

    /// <summary>What <c>__array(values, T)</c> (<c>T *values[]</c>) points to: a function prototype or an inner map's definition struct.</summary>
    private static uint ValuesElement(BtfSpec spec, string map, BtfMember member)
    {
        if (spec[spec.Resolve(member.Type)] is BtfArray array && spec[spec.Resolve(array.ElementType)] is BtfPointer pointer)
            return spec.Resolve(pointer.Target);
        throw new InvalidDataException($"Map '{map}': member 'values' is not declared with __array (an array of pointers).");
    }

    /// <summary>A 64-bit setting (map_extra): <c>__uint</c>, or libbpf's <c>__ulong</c>, an enum whose one value is the number.</summary>
    private static ulong LongNumber(BtfSpec spec, string map, BtfMember member)
    {
        switch (spec[spec.Resolve(member.Type)])
        {
            case BtfEnum { Values.Count: 1 } e:
                return unchecked((ulong)e.Values[0].Value);
            case BtfEnum64 { Values.Count: 1 } e:
                return unchecked((ulong)e.Values[0].Value);
            default:
                return Number(spec, map, member);
        }
    }

    /// <summary>A __uint member: the length of the array its pointer points to.</summary>
    private static uint Number(BtfSpec spec, string map, BtfMember member)
    {
        if (spec[spec.Resolve(member.Type)] is BtfPointer pointer && spec[spec.Resolve(pointer.Target)] is BtfArray array)
            return array.Count;
        throw new InvalidDataException($"Map '{map}': member '{member.Name}' is not declared with __uint (a pointer to an array).");
    }

    /// <summary>A __type member: the type its pointer points to.</summary>
    private static uint Pointee(BtfSpec spec, string map, BtfMember member)
        => spec[spec.Resolve(member.Type)] is BtfPointer pointer
            ? pointer.Target
            : throw new InvalidDataException($"Map '{map}': member '{member.Name}' is not declared with __type (a pointer).");

    private static uint SizeFromType(BtfSpec spec, string map, string what, uint typeId, uint declaredSize)
    {
        if (typeId == 0)
            return declaredSize;
        uint size = spec.SizeOf(typeId);
        if (declaredSize != 0 && declaredSize != size)
            throw new InvalidDataException($"Map '{map}': {what}_size {declaredSize} disagrees with the {size}-byte {what} type.");
        return size;
    }
}
