using System.Text;
using BpfSharp.Asm;
using BpfSharp.Btf;
using BpfSharp.Elf;

namespace BpfSharp.Runtime.Objects;

/// <summary>
/// What an eBPF ELF object asks for, read without touching the kernel: its maps (BTF-defined, legacy and global
/// data), its programs linked with their subprograms, the map references the loader must fill with fds, and the
/// BTF to upload. Kernel objects are made from this spec by <see cref="BpfObject"/>.
/// </summary>
public sealed class ObjectSpec
{
    private ObjectSpec(string license, IReadOnlyList<ProgramSpec> programs, IReadOnlyList<ObjectMap> maps,
        IReadOnlyList<GlobalVariable> variables, IReadOnlyList<ProgramArraySlot> slots, IReadOnlyList<InnerMapSlot> innerSlots, byte[]? btf, string? btfError)
    {
        InnerMapSlots = innerSlots;
        License = license;
        Programs = programs;
        ObjectMaps = maps;
        Variables = variables;
        ProgramArraySlots = slots;
        Btf = btf;
        BtfError = btfError;
    }

    /// <summary>The <c>license</c> section's text; the kernel checks GPL-only helpers against it.</summary>
    public string License { get; }

    public IReadOnlyList<ProgramSpec> Programs { get; }

    /// <summary>Every map to create, in declaration order; global data sections are single-element arrays named after the section.</summary>
    public IReadOnlyList<MapSpec> Maps => ObjectMaps.Select(m => m.Spec).ToList();

    /// <summary>Global variables by section and offset (.rodata may be set before load; .data and .bss read and written after).</summary>
    public IReadOnlyList<GlobalVariable> Variables { get; }

    /// <summary>Program array slots the object initializes (<c>__array(values, ...)</c>).</summary>
    public IReadOnlyList<ProgramArraySlot> ProgramArraySlots { get; }

    /// <summary>Map-of-maps slots the object initializes with its own maps (<c>.values = { &amp;inner }</c>).</summary>
    public IReadOnlyList<InnerMapSlot> InnerMapSlots { get; }

    internal IReadOnlyList<ObjectMap> ObjectMaps { get; }

    /// <summary>The .BTF section with DATASEC sizes and offsets filled in, ready for BPF_BTF_LOAD; null if the object has none.</summary>
    internal byte[]? Btf { get; }

    /// <summary>Why the object's .BTF could not be read, when it could not; maps and programs then load without BTF.</summary>
    public string? BtfError { get; }

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
        var (btfBytes, btf, ext, btfError) = ReadBtf(elf);

        var variables = new List<GlobalVariable>();
        var slots = new List<ProgramArraySlot>();
        var innerSlots = new List<InnerMapSlot>();
        var maps = Objects.ObjectMaps.Read(elf, btf, variables, slots, innerSlots);
        var programs = new List<ProgramSpec>();

        foreach (var section in elf.Sections)
        {
            if (!section.Flags.HasFlag(ElfSectionFlags.ExecInstr) || section.Name == ".text" || section.Data.Length == 0)
                continue;
            if (ProgramSections.Find(section.Name) is not { } kind)
                throw new InvalidDataException($"Program section '{section.Name}' has no known program type.");

            foreach (var symbol in elf.Symbols.Where(s => s.SectionIndex == section.Index && s.Type == ElfSymbolType.Func && s.Binding != ElfSymbolBinding.Local))
            {
                ulong start = symbol.Value;
                ulong length = symbol.Size > 0 ? symbol.Size : (ulong)section.Data.Length - start;
                if (start % Instruction.Size != 0 || length % Instruction.Size != 0 || start + length > (ulong)section.Data.Length)
                    throw new InvalidDataException($"Program '{symbol.Name}' in section '{section.Name}' lies outside whole instructions ({start}+{length} of {section.Data.Length} bytes).");
                var (code, references, funcInfo, lineInfo, lines) = ProgramLinker.Link(elf, maps, ext, section, start, start + length);
                programs.Add(new ProgramSpec(symbol.Name, section.Name, kind.Type, kind.AttachType, kind.AttachTarget(section.Name), code)
                {
                    MapReferences = references,
                    FuncInfo = funcInfo,
                    LineInfo = lineInfo,
                    Source = SourceLines.From(lines, btf),
                });
            }
        }

        TracepointLayoutSection.Apply(elf, programs);
        foreach (var slot in slots)
            if (!programs.Any(p => p.Name == slot.Program))
                throw new InvalidDataException($"Program array '{slot.Map}' slot {slot.Index} names '{slot.Program}', which is not a program of the object.");
        foreach (var slot in innerSlots)
            if (!maps.Any(m => m.Spec.Name == slot.InnerMap && !m.IsGlobalData))
                throw new InvalidDataException($"Map of maps '{slot.Map}' slot {slot.Index} names '{slot.InnerMap}', which is not a map of the object.");
        return new ObjectSpec(license, programs, maps, variables, slots, innerSlots, btf is null ? null : btfBytes, btfError);
    }

    /// <summary>The variable named <paramref name="name"/>.</summary>
    public GlobalVariable Variable(string name) => Variables.FirstOrDefault(v => v.Name == name)
        ?? throw new KeyNotFoundException($"The object has no global variable '{name}'; it has {string.Join(", ", Variables.Select(v => v.Name))}.");

    private static (byte[]? Bytes, BtfSpec? Spec, BtfExtSpec? Ext, string? Error) ReadBtf(ElfFile elf)
    {
        var section = elf.FindSection(".BTF");
        if (section is null)
            return (null, null, null, null);
        try
        {
            var bytes = ObjectBtf.FixUp(section.Data, elf);
            var spec = BtfSpec.Parse(bytes);
            var extSection = elf.FindSection(".BTF.ext");
            var ext = extSection is null ? null : BtfExtSpec.Parse(extSection.Data, spec);
            return (bytes, spec, ext, null);
        }
        catch (InvalidDataException ex)
        {
            // libbpf too loads objects whose BTF it cannot use, only without it; ".maps" then fails on its own.
            return (null, null, null, ex.Message);
        }
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

/// <summary>One program of an object: its name, its section and what that section means, and its linked code.</summary>
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

    /// <summary>The number of 8-byte instruction slots, subprograms included.</summary>
    public int InstructionCount => Instructions.Length;

    /// <summary>The maps this program refers to, by name.</summary>
    public IReadOnlyList<string> MapNames => MapReferences.Select(r => r.Map).Distinct().ToList();

    internal Instruction[] Instructions { get; }

    internal IReadOnlyList<MapReference> MapReferences { get; init; } = [];

    /// <summary>bpf_func_info records for BPF_PROG_LOAD (instruction indices in the linked code).</summary>
    internal byte[] FuncInfo { get; init; } = [];

    internal byte[] LineInfo { get; init; } = [];

    /// <summary>The line table of <see cref="LineInfo"/>, resolved: what a verifier failure is reported against.</summary>
    internal SourceLines? Source { get; init; }
}
