using System;
using System.Collections.Generic;
using System.IO;

namespace BpfSharp.Btf;

/// <summary>
/// A map declared the libbpf way, as a variable in the ".maps" section whose anonymous struct type carries the
/// settings in its member types: <c>__uint(name, n)</c> is <c>int (*name)[n]</c> (a pointer to an array whose
/// length is the value) and <c>__type(name, T)</c> is <c>T *name</c>. Nothing is stored in the section's bytes.
/// Zero means "not given" for every number (libbpf's convention too).
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
    uint NumaNode = 0)
{
    public const string SectionName = ".maps";

    /// <summary>BPF_MAP_TYPE_PROG_ARRAY.</summary>
    private const uint ProgramArrayType = 3;

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
        bool initialValues = false;
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
                case "key": keyType = Pointee(spec, name, member); break;
                case "value": valueType = Pointee(spec, name, member); break;
                case "values":
                    initialValues = true;
                    break;
                default:
                    throw new InvalidDataException($"Map '{name}': unknown definition member '{member.Name}'.");
            }
        }

        // A program array's initial slots come from relocations against the section, which the loader applies.
        if (initialValues && type != ProgramArrayType)
            throw new NotSupportedException($"Map '{name}': initial 'values' (map-in-map) are not supported.");
        keySize = SizeFromType(spec, name, "key", keyType, keySize);
        valueSize = SizeFromType(spec, name, "value", valueType, valueSize);
        return new BtfMapDefinition(name, type, keySize, valueSize, maxEntries, flags, pinning, keyType, valueType, numaNode);
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
