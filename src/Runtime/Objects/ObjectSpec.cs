using System.Text;
using BpfSharp.Asm;
using BpfSharp.Elf;

namespace BpfSharp.Runtime.Objects;

/// <summary>
/// What an eBPF ELF object asks for, read without touching the kernel: its programs, with their instructions and
/// the relocations the loader must apply. Kernel objects are made from this spec by <see cref="BpfObject"/>.
/// </summary>
public sealed class ObjectSpec
{
    private ObjectSpec(string license, IReadOnlyList<ProgramSpec> programs)
    {
        License = license;
        Programs = programs;
    }

    /// <summary>The <c>license</c> section's text; the kernel checks GPL-only helpers against it.</summary>
    public string License { get; }

    public IReadOnlyList<ProgramSpec> Programs { get; }

    /// <summary>Parses an object; a malformed or unsupported one gives an <see cref="InvalidDataException"/> saying what and where.</summary>
    public static ObjectSpec Parse(byte[] elfBytes)
    {
        ElfFile elf;
        try
        {
            elf = ElfFile.Parse(elfBytes);
        }
        catch (ElfFormatException ex)
        {
            throw new InvalidDataException($"Not a valid eBPF ELF object: {ex.Message}", ex);
        }
        string license = ReadLicense(elf);
        var programs = new List<ProgramSpec>();

        foreach (var section in elf.Sections)
        {
            if (!section.Flags.HasFlag(ElfSectionFlags.ExecInstr) || section.Name == ".text" || section.Data.Length == 0)
                continue;
            if (ProgramSections.Find(section.Name) is not { } kind)
                throw new InvalidDataException($"Program section '{section.Name}' has no known program type.");

            foreach (var symbol in elf.Symbols.Where(s => s.SectionIndex == section.Index && s.Type == ElfSymbolType.Func && s.Binding != ElfSymbolBinding.Local))
            {
                int start = checked((int)symbol.Value);
                int length = symbol.Size > 0 ? checked((int)symbol.Size) : section.Data.Length - start;
                if (start % Instruction.Size != 0 || length % Instruction.Size != 0 || start + length > section.Data.Length)
                    throw new InvalidDataException($"Program '{symbol.Name}' in section '{section.Name}' lies outside whole instructions ({start}+{length} of {section.Data.Length} bytes).");

                var code = Instruction.Decode(section.Data.AsSpan(start, length));
                var relocations = elf.FindRelocationsFor(section.Index);
                if (relocations is { Entries.Count: > 0 })
                    throw new InvalidDataException($"Program '{symbol.Name}' in section '{section.Name}' has relocations; maps and subprograms are not loaded yet.");
                programs.Add(new ProgramSpec(symbol.Name, section.Name, kind.Type, kind.AttachType, kind.AttachTarget(section.Name), code));
            }
        }

        TracepointLayoutSection.Apply(elf, programs);
        return new ObjectSpec(license, programs);
    }

    private static string ReadLicense(ElfFile elf)
    {
        var section = elf.FindSection("license");
        if (section is null)
            return "";
        int end = Array.IndexOf(section.Data, (byte)0);
        return Encoding.UTF8.GetString(section.Data, 0, end < 0 ? section.Data.Length : end);
    }
}

/// <summary>One program of an object: its name, its section and what that section means, and its code.</summary>
public sealed class ProgramSpec
{
    internal ProgramSpec(string name, string section, ProgramType type, AttachType? attachType, string attachTarget, Instruction[] instructions)
    {
        Name = name;
        Section = section;
        Type = type;
        AttachType = attachType;
        AttachTarget = attachTarget;
        Instructions = instructions;
    }

    /// <summary>The function's symbol name, which is also the kernel's program name (truncated to 15 bytes).</summary>
    public string Name { get; }

    /// <summary>The ELF section, e.g. <c>raw_tracepoint/sys_enter</c>.</summary>
    public string Section { get; }

    public ProgramType Type { get; }

    /// <summary>The expected attach type the kernel is told at load, when the program type needs one.</summary>
    public AttachType? AttachType { get; }

    /// <summary>What the section names after its prefix, e.g. <c>sys_enter</c>.</summary>
    public string AttachTarget { get; }

    /// <summary>
    /// For a tracepoint program compiled by BpfSharp: the fields of its struct as the code reads them (offsets from
    /// the record's start), which attaching checks against the kernel's format. Empty otherwise.
    /// </summary>
    public IReadOnlyList<TracepointField> TracepointFields { get; internal set; } = [];

    /// <summary>The number of 8-byte instruction slots.</summary>
    public int InstructionCount => Instructions.Length;

    internal Instruction[] Instructions { get; }
}
