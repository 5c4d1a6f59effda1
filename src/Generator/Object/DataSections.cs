using System.Collections.Generic;
using System.Linq;
using BpfSharp.Btf;
using BpfSharp.Elf;
using BpfSharp.Generator.Compiler.Data;

namespace BpfSharp.Generator.Object;

/// <summary>
/// Globals in <c>.rodata</c>, <c>.data</c> and <c>.bss</c>: the initial bytes, an object symbol per variable and a
/// DATASEC per section listing the variables at their offsets, which is how libbpf turns each section into a map.
/// </summary>
internal static class DataSections
{
    /// <summary>Adds the sections that have variables; returns their section indices by name.</summary>
    public static Dictionary<string, int> Write(ElfWriter elf, BtfTypes btf, IReadOnlyList<GlobalVariable> globals)
    {
        var indices = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var section in new[] { DataSection.Rodata, DataSection.Data, DataSection.Bss })
        {
            var variables = globals.Where(g => g.Section == section).OrderBy(g => g.Offset).ToList();
            if (variables.Count == 0)
                continue;
            string name = GlobalVariable.SectionName(section);
            int size = variables.Max(v => v.Offset + v.Type.Size);
            var bytes = new byte[size];
            foreach (var v in variables)
                System.Array.Copy(v.Initial, 0, bytes, v.Offset, v.Initial.Length);

            var flags = section == DataSection.Rodata ? ElfSectionFlags.Alloc : ElfSectionFlags.Alloc | ElfSectionFlags.Write;
            var type = section == DataSection.Bss ? ElfSectionType.NoBits : ElfSectionType.ProgBits;
            int index = elf.AddSection(name, type, flags, bytes, alignment: 8);
            indices[name] = index;

            var vars = new List<BtfVarSecInfo>();
            foreach (var v in variables)
            {
                elf.AddSymbol(v.Name, index, (ulong)v.Offset, (ulong)v.Type.Size, ElfSymbolType.Object, ElfSymbolBinding.Global);
                uint variable = btf.Builder.Add(new BtfVar(v.Name, btf.Of(v.Type), BtfVarLinkage.GlobalAllocated));
                vars.Add(new BtfVarSecInfo(variable, (uint)v.Offset, (uint)v.Type.Size));
            }
            btf.Builder.Add(new BtfDataSec(name, (uint)size, vars));
        }
        return indices;
    }
}
