using System.Buffers.Binary;
using BpfSharp.Btf;
using BpfSharp.Elf;

namespace BpfSharp.Runtime.Objects;

/// <summary>
/// Reads the maps of an object: BTF-defined ones in ".maps", legacy <c>struct bpf_map_def</c>s in "maps", and one
/// single-element array per global data section (.rodata*, .data*, .bss*), as libbpf does.
/// </summary>
internal static class ObjectMaps
{
    /// <summary>sizeof(struct bpf_map_def) up to map_flags; newer fields may follow.</summary>
    private const int LegacyDefinitionSize = 20;

    public static List<ObjectMap> Read(ElfFile elf, BtfSpec? btf, List<GlobalVariable> variables, List<ProgramArraySlot> slots, List<InnerMapSlot> innerSlots)
    {
        var maps = new List<ObjectMap>();
        ReadBtfDefined(elf, btf, maps, slots, innerSlots);
        ReadLegacy(elf, maps);
        ReadGlobalData(elf, btf, maps, variables);
        var duplicate = maps.GroupBy(m => m.Spec.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"The object declares map '{duplicate.Key}' more than once.");
        return maps;
    }

    public static bool IsGlobalDataSection(ElfSection section) =>
        section.Flags.HasFlag(ElfSectionFlags.Alloc) && !section.Flags.HasFlag(ElfSectionFlags.ExecInstr)
        && (Is(section.Name, ".rodata") || Is(section.Name, ".data") || Is(section.Name, ".bss"));

    private static bool Is(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static void ReadBtfDefined(ElfFile elf, BtfSpec? btf, List<ObjectMap> maps, List<ProgramArraySlot> slots, List<InnerMapSlot> innerSlots)
    {
        var section = elf.FindSection(BtfMapDefinition.SectionName);
        if (section is null)
            return;
        if (btf is null)
            throw new InvalidDataException($"The object has a '{BtfMapDefinition.SectionName}' section but no .BTF to describe its maps.");
        var byName = BtfMapDefinition.ReadAll(btf).ToDictionary(m => m.Map.Name, m => m.Map);
        foreach (var symbol in elf.Symbols.Where(s => s.SectionIndex == section.Index && s.Type == ElfSymbolType.Object))
        {
            if (!byName.TryGetValue(symbol.Name, out var definition))
                throw new InvalidDataException($"Map '{symbol.Name}' in '{section.Name}' has no BTF definition.");
            maps.Add(new ObjectMap(SpecOf(definition), section.Index, symbol.Value, symbol.Size, IsGlobalData: false));
        }
        ReadInitialSlots(elf, btf, section, maps, slots, innerSlots);
    }

    private static MapSpec SpecOf(BtfMapDefinition definition)
    {
        var type = (MapType)definition.Type;
        uint keySize = definition.KeySize, valueSize = definition.ValueSize;
        // Slots of fds: a 4-byte index and a 4-byte value unless the definition says otherwise.
        if (type is MapType.ProgramArray or MapType.ArrayOfMaps)
            keySize = keySize == 0 ? 4 : keySize;
        if (type is MapType.ProgramArray or MapType.ArrayOfMaps or MapType.HashOfMaps)
            valueSize = valueSize == 0 ? 4 : valueSize;
        return new MapSpec
        {
            Name = definition.Name,
            Type = type,
            KeySize = keySize,
            ValueSize = valueSize,
            MaxEntries = definition.MaxEntries,
            Flags = (MapFlags)definition.Flags,
            Pinning = (MapPinning)definition.Pinning,
            NumaNode = definition.NumaNode,
            MapExtra = definition.MapExtra,
            BtfKeyTypeId = definition.KeyTypeId,
            BtfValueTypeId = definition.ValueTypeId,
            InnerMap = definition.Inner is { } inner ? SpecOf(inner) : null,
        };
    }

    /// <summary>
    /// <c>__array(values, ...)</c> initializers: each R_BPF_64_64 in ".rel.maps" fills one 8-byte slot of a map's
    /// "values" member with the function (program array) or the map (map of maps) its symbol names.
    /// </summary>
    private static void ReadInitialSlots(ElfFile elf, BtfSpec btf, ElfSection section, List<ObjectMap> maps, List<ProgramArraySlot> slots, List<InnerMapSlot> innerSlots)
    {
        var relocations = elf.FindRelocationsFor(section.Index);
        if (relocations is null)
            return;
        foreach (var relocation in relocations.Entries)
        {
            var map = maps.FirstOrDefault(m => m.SectionIndex == section.Index && relocation.Offset >= m.Offset && relocation.Offset < m.Offset + Math.Max(m.Size, 1));
            if (map is null || map.Spec.Type is not (MapType.ProgramArray or MapType.ArrayOfMaps or MapType.HashOfMaps))
                throw new InvalidDataException($"Relocation at offset {relocation.Offset} of '{section.Name}' initializes no program array or map of maps.");
            uint definition = btf.Find(map.Spec.Name, BtfKind.Var) is var varId and not 0 ? ((BtfVar)btf[varId]).Type : 0;
            var values = definition == 0 ? null : btf.FindMember(definition, "values");
            if (values is null)
                throw new InvalidDataException($"Map '{map.Spec.Name}' has initial slots but no 'values' member.");
            uint slot = (uint)((relocation.Offset - map.Offset - values.Value.BitOffset / 8) / 8);
            var symbol = elf.Symbols[relocation.SymbolIndex];
            if (map.Spec.Type == MapType.ProgramArray)
                slots.Add(new ProgramArraySlot(map.Spec.Name, slot, symbol.Name));
            else
                innerSlots.Add(new InnerMapSlot(map.Spec.Name, slot, symbol.Name));
        }
    }

    private static void ReadLegacy(ElfFile elf, List<ObjectMap> maps)
    {
        var section = elf.FindSection("maps");
        if (section is null)
            return;
        var symbols = elf.Symbols.Where(s => s.SectionIndex == section.Index && s.Type is ElfSymbolType.Object or ElfSymbolType.NoType && s.Name.Length > 0).OrderBy(s => s.Value).ToList();
        if (symbols.Count == 0)
            return;
        int recordSize = section.Data.Length / symbols.Count;
        if (recordSize < LegacyDefinitionSize)
            throw new InvalidDataException($"Section 'maps' holds {symbols.Count} maps in {section.Data.Length} bytes, less than a struct bpf_map_def each.");
        foreach (var symbol in symbols)
        {
            var definition = section.Data.AsSpan((int)symbol.Value, LegacyDefinitionSize);
            maps.Add(new ObjectMap(new MapSpec
            {
                Name = symbol.Name,
                Type = (MapType)BinaryPrimitives.ReadUInt32LittleEndian(definition),
                KeySize = BinaryPrimitives.ReadUInt32LittleEndian(definition[4..]),
                ValueSize = BinaryPrimitives.ReadUInt32LittleEndian(definition[8..]),
                MaxEntries = BinaryPrimitives.ReadUInt32LittleEndian(definition[12..]),
                Flags = (MapFlags)BinaryPrimitives.ReadUInt32LittleEndian(definition[16..]),
            }, section.Index, symbol.Value, (ulong)recordSize, IsGlobalData: false));
        }
    }

    private static void ReadGlobalData(ElfFile elf, BtfSpec? btf, List<ObjectMap> maps, List<GlobalVariable> variables)
    {
        foreach (var section in elf.Sections.Where(IsGlobalDataSection))
        {
            if (section.Size == 0)
                continue;
            bool readOnly = Is(section.Name, ".rodata");
            var contents = section.Type == ElfSectionType.NoBits ? new byte[section.Size] : (byte[])section.Data.Clone();
            maps.Add(new ObjectMap(new MapSpec
            {
                Name = section.Name,
                Type = MapType.Array,
                KeySize = 4,
                ValueSize = checked((uint)section.Size),
                MaxEntries = 1,
                Flags = MapFlags.Mmapable | (readOnly ? MapFlags.ReadOnlyProgram : MapFlags.None),
                BtfValueTypeId = btf?.Find(section.Name, BtfKind.DataSec) ?? 0,
                Contents = contents,
                Freeze = readOnly,
            }, section.Index, 0, section.Size, IsGlobalData: true));
            foreach (var symbol in elf.Symbols.Where(s => s.SectionIndex == section.Index && s.Type == ElfSymbolType.Object && s.Name.Length > 0))
                variables.Add(new GlobalVariable(symbol.Name, section.Name, (int)symbol.Value, (int)symbol.Size));
        }
    }
}
