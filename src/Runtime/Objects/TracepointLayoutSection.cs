using System.Globalization;
using System.Text;
using BpfSharp.Elf;

namespace BpfSharp.Runtime.Objects;

/// <summary>
/// Reads the generator's <c>.bpfsharp.tracepoints</c> section (<c>program TAB field TAB offset TAB size</c> lines)
/// into the tracepoint programs' specs. Objects from other compilers have no such section and are not checked.
/// </summary>
internal static class TracepointLayoutSection
{
    public const string Name = ".bpfsharp.tracepoints";

    public static void Apply(ElfFile elf, IReadOnlyList<ProgramSpec> programs)
    {
        if (elf.FindSection(Name) is not { } section)
            return;
        var byProgram = new Dictionary<string, List<TracepointField>>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(section.Data).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length != 4
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
                || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int size))
                throw new InvalidDataException($"Section {Name} has a malformed line: '{line}'.");
            if (!byProgram.TryGetValue(parts[0], out var fields))
                byProgram.Add(parts[0], fields = []);
            fields.Add(new TracepointField(parts[1], offset, size));
        }
        foreach (var program in programs)
        {
            if (byProgram.TryGetValue(program.Name, out var fields))
                program.TracepointFields = fields;
        }
    }
}
