using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BpfSharp.Elf;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Object;

/// <summary>
/// The <c>.bpfsharp.tracepoints</c> section: for each tracepoint program, the fields of its struct as compiled, one
/// line each (<c>program TAB field TAB offset TAB size</c>). The runtime compares them with the kernel's format file.
/// It is not allocated, so the kernel and libbpf skip it.
/// </summary>
internal static class TracepointLayoutSection
{
    public const string Name = ".bpfsharp.tracepoints";

    public static void Write(ElfWriter elf, IReadOnlyList<ProgramSpec> specs)
    {
        var text = new StringBuilder();
        foreach (var spec in specs.Where(s => s.Kind == ProgramKind.Tracepoint))
        {
            foreach (var field in spec.TracepointFields)
                text.Append(string.Format(CultureInfo.InvariantCulture, "{0}\t{1}\t{2}\t{3}\n", spec.MethodName, field.Name, field.Offset, field.Size));
        }
        if (text.Length > 0)
            elf.AddSection(Name, ElfSectionType.ProgBits, ElfSectionFlags.None, Encoding.UTF8.GetBytes(text.ToString()), alignment: 1);
    }
}
