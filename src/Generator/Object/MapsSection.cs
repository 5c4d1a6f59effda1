using System.Collections.Generic;
using BpfSharp.Btf;
using BpfSharp.Elf;
using BpfSharp.Generator.Compiler.Data;

namespace BpfSharp.Generator.Object;

/// <summary>
/// BTF-defined maps the way libbpf reads them: in <c>.maps</c>, one global variable per map whose type is an
/// anonymous struct of pointer members — <c>int (*type)[T]</c>, <c>K *key</c>, <c>V *value</c>,
/// <c>int (*max_entries)[N]</c>, ... and for a map of maps <c>struct { ... } *values[]</c>, its inner maps' definition.
/// The section's bytes are zeros; only the types carry the definition.
/// </summary>
internal static class MapsSection
{
    public const string Name = ".maps";

    /// <summary>Adds the section, a symbol per map and the BTF; returns the symbols by map name.</summary>
    public static Dictionary<string, ElfSymbolHandle> Write(ElfWriter elf, BtfTypes btf, IReadOnlyList<MapDefinition> maps)
    {
        var symbols = new Dictionary<string, ElfSymbolHandle>(System.StringComparer.Ordinal);
        if (maps.Count == 0)
            return symbols;

        var placed = new List<(MapDefinition Map, uint Type, uint Offset, uint Size)>();
        uint offset = 0;
        foreach (var map in maps)
        {
            uint type = Definition(btf, map, out uint size);
            placed.Add((map, type, offset, size));
            offset += size;
        }

        int section = elf.AddSection(Name, ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.Write, new byte[offset], alignment: 8);
        var vars = new List<BtfVarSecInfo>();
        foreach (var (map, type, at, size) in placed)
        {
            symbols[map.Name] = elf.AddSymbol(map.Name, section, at, size, ElfSymbolType.Object, ElfSymbolBinding.Global);
            uint variable = btf.Builder.Add(new BtfVar(map.Name, type, BtfVarLinkage.GlobalAllocated));
            vars.Add(new BtfVarSecInfo(variable, at, size));
        }
        btf.Builder.Add(new BtfDataSec(Name, offset, vars));
        return symbols;
    }

    /// <summary>The anonymous definition struct of one map; <paramref name="size"/> is its byte size (8 per member).</summary>
    private static uint Definition(BtfTypes btf, MapDefinition map, out uint size)
    {
        var members = new List<(string Name, uint Type)> { ("type", btf.NumberPointer(map.Kind.KernelType)) };
        if (map.Key is not null)
            members.Add(("key", btf.Builder.AddPointer(btf.Of(map.Key))));
        else if (map.KeySize != 0)
            members.Add(("key_size", btf.NumberPointer((uint)map.KeySize)));
        if (map.Value is not null)
            members.Add(("value", btf.Builder.AddPointer(btf.Of(map.Value))));
        else if (map.ValueSize != 0 && map.Inner is null)
            members.Add(("value_size", btf.NumberPointer((uint)map.ValueSize)));
        if (map.MaxEntries != 0)
            members.Add(("max_entries", btf.NumberPointer(map.MaxEntries)));
        if (map.Flags != 0)
            members.Add(("map_flags", btf.NumberPointer(map.Flags)));
        if (map.MapExtra != 0)
            members.Add(("map_extra", btf.NumberPointer((uint)map.MapExtra)));

        var btfMembers = new List<BtfMember>();
        for (int i = 0; i < members.Count; i++)
            btfMembers.Add(new BtfMember(members[i].Name, members[i].Type, (uint)(i * 64)));
        size = (uint)(members.Count * 8);
        // __array(values, struct inner): a flexible array of pointers to the inner definition, last and taking no room;
        // the value size (4, a map fd) is implied.
        if (map.Inner is not null)
        {
            uint inner = Definition(btf, map.Inner, out _);
            uint index = btf.Builder.AddInt("__ARRAY_SIZE_TYPE__", 4);
            uint values = btf.Builder.Add(new BtfArray(btf.Builder.AddPointer(inner), index, 0));
            btfMembers.Add(new BtfMember("values", values, size * 8));
        }
        return btf.Builder.Add(new BtfStruct("", size, btfMembers));
    }
}
