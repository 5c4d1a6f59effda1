using System.Globalization;
using System.Text.RegularExpressions;
using BpfSharp.Tests;

namespace BpfSharp.Generator.Tests.Elf;

/// <summary>Parses binutils <c>readelf -W</c> output, the independent reference for our reader and writer.</summary>
internal static partial class ReadElf
{
    public sealed record Section(int Index, string Name, string Type, ulong Size, string EntrySize, string Flags, uint Link, uint Info, ulong Align);

    public sealed record Symbol(int Index, ulong Value, ulong Size, string Type, string Bind, string Visibility, string SectionIndex, string Name);

    public sealed record Relocation(string Section, ulong Offset, uint SymbolIndex, uint Type, string SymbolName);

    public static List<Section> Sections(string path)
    {
        var result = new List<Section>();
        foreach (var line in Tools.Run("readelf", "-W", "-S", path).Split('\n'))
        {
            var m = SectionLine().Match(line);
            if (!m.Success)
                continue;
            result.Add(new Section(
                int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value,
                Hex(m.Groups[6].Value), m.Groups[7].Value, m.Groups[8].Value.Trim(),
                uint.Parse(m.Groups[9].Value, CultureInfo.InvariantCulture), uint.Parse(m.Groups[10].Value, CultureInfo.InvariantCulture),
                ulong.Parse(m.Groups[11].Value, CultureInfo.InvariantCulture)));
        }
        return result;
    }

    public static List<Symbol> Symbols(string path)
    {
        var result = new List<Symbol>();
        foreach (var line in Tools.Run("readelf", "-W", "-s", path).Split('\n'))
        {
            var m = SymbolLine().Match(line);
            if (!m.Success)
                continue;
            result.Add(new Symbol(
                int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Hex(m.Groups[2].Value),
                ulong.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), m.Groups[4].Value, m.Groups[5].Value,
                m.Groups[6].Value, m.Groups[7].Value, m.Groups[8].Value));
        }
        return result;
    }

    public static List<Relocation> Relocations(string path)
    {
        var result = new List<Relocation>();
        string? current = null;
        foreach (var line in Tools.Run("readelf", "-W", "-r", path).Split('\n'))
        {
            var header = RelocationHeader().Match(line);
            if (header.Success)
            {
                current = header.Groups[1].Value;
                continue;
            }
            var m = RelocationLine().Match(line);
            if (!m.Success || current is null)
                continue;
            ulong info = Hex(m.Groups[2].Value);
            result.Add(new Relocation(current, Hex(m.Groups[1].Value), (uint)(info >> 32), (uint)info, m.Groups[3].Value.Trim()));
        }
        return result;
    }

    private static ulong Hex(string s) => ulong.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*\[\s*(\d+)\] (.*?)\s+(\S+)\s+([0-9a-f]{16}) ([0-9a-f]{6,}) ([0-9a-f]{6,}) ([0-9a-f]{2}) (.{3}) ?\s*(\d+)\s+(\d+)\s+(\d+)\s*$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^\s*(\d+): ([0-9a-f]{16})\s+(\d+) (\S+)\s+(\S+)\s+(\S+)\s+(\S+) ?(.*)$")]
    private static partial Regex SymbolLine();

    [GeneratedRegex(@"^Relocation section '(.*)' at offset")]
    private static partial Regex RelocationHeader();

    [GeneratedRegex(@"^([0-9a-f]{16})\s+([0-9a-f]{16})\s+\S+\s+[0-9a-f]{16}\s+(.*)$")]
    private static partial Regex RelocationLine();
}
