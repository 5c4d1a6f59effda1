using BpfSharp.Asm;
using BpfSharp.Btf;
using BpfSharp.Elf;

namespace BpfSharp.Runtime.Objects;

/// <summary>
/// Turns one program symbol into loadable code, as a static linker would: appends every function it calls (BPF-to-BPF
/// calls and callback references, transitively, from .text or its own section) after it and fixes the call offsets,
/// records which LD_IMM64s need map fds, and moves the func/line info of each piece to where it landed.
/// </summary>
internal sealed class ProgramLinker
{
    private readonly ElfFile elf;
    private readonly IReadOnlyList<ObjectMap> maps;
    private readonly BtfExtSpec? ext;
    private readonly List<Instruction> code = new();
    private readonly List<Piece> pieces = new();
    private readonly Dictionary<(int Section, ulong Start), int> placed = new();
    private readonly List<MapReference> references = new();
    private readonly List<BpfFuncInfoRecord> funcInfo = new();
    private readonly List<BpfLineInfoRecord> lineInfo = new();

    private sealed record Piece(ElfSection Section, ulong Start, ulong End, int Destination);

    private ProgramLinker(ElfFile elf, IReadOnlyList<ObjectMap> maps, BtfExtSpec? ext)
    {
        this.elf = elf;
        this.maps = maps;
        this.ext = ext;
    }

    public static (Instruction[] Code, MapReference[] Maps, byte[] FuncInfo, byte[] LineInfo, IReadOnlyList<BpfLineInfoRecord> Lines) Link(
        ElfFile elf, IReadOnlyList<ObjectMap> maps, BtfExtSpec? ext, ElfSection section, ulong start, ulong end)
    {
        var linker = new ProgramLinker(elf, maps, ext);
        linker.Place(section, start, end);
        for (int i = 0; i < linker.pieces.Count; i++)
            linker.Relocate(linker.pieces[i]);
        return (linker.code.ToArray(), linker.references.ToArray(),
            BtfLoadInfo.Encode(linker.funcInfo), BtfLoadInfo.Encode(linker.lineInfo), linker.lineInfo);
    }

    private int Place(ElfSection section, ulong start, ulong end)
    {
        if (placed.TryGetValue((section.Index, start), out int existing))
            return existing;
        int destination = code.Count;
        code.AddRange(Instruction.Decode(section.Data.AsSpan((int)start, (int)(end - start))));
        placed.Add((section.Index, start), destination);
        pieces.Add(new Piece(section, start, end, destination));
        if (ext is not null)
        {
            funcInfo.AddRange(BtfLoadInfo.FuncInfo(ext.FuncInfoFor(section.Name), (uint)start, (uint)end, (uint)destination));
            lineInfo.AddRange(BtfLoadInfo.LineInfo(ext.LineInfoFor(section.Name), (uint)start, (uint)end, (uint)destination));
        }
        return destination;
    }

    private void Relocate(Piece piece)
    {
        var relocations = elf.FindRelocationsFor(piece.Section.Index)?.Entries
            .Where(r => r.Offset >= piece.Start && r.Offset < piece.End)
            .ToDictionary(r => r.Offset);
        int count = (int)((piece.End - piece.Start) / Instruction.Size);
        for (int k = 0; k < count; k++)
        {
            int index = piece.Destination + k;
            var instruction = code[index];
            ulong offset = piece.Start + (ulong)k * Instruction.Size;
            ElfRelocation? relocation = relocations is not null && relocations.TryGetValue(offset, out var r) ? r : null;
            bool isCall = instruction.OpCode == (byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Call);

            if (relocation is { } reloc)
            {
                var symbol = elf.Symbols[reloc.SymbolIndex];
                if (symbol.SectionIndex == 0 || symbol.SectionIndex >= elf.Sections.Count)
                    throw new InvalidDataException($"Instruction {k} of '{piece.Section.Name}'+{piece.Start} refers to '{symbol.Name}', which the object does not define (externs, kconfig and ksyms are not supported).");
                var target = elf.Sections[symbol.SectionIndex];
                if (isCall && reloc.Type == ElfRelocationType.Bpf64_32)
                    LinkCall(index, target, (long)symbol.Value + ((long)instruction.Imm + 1) * Instruction.Size, instruction);
                else if (instruction.IsWide && target.Flags.HasFlag(ElfSectionFlags.ExecInstr))
                    LinkCall(index, target, (long)symbol.Value + instruction.Imm, instruction with { Src = PseudoSource.Function });
                else if (instruction.IsWide && reloc.Type == ElfRelocationType.Bpf64_64)
                    ReferenceMap(index, symbol, target, instruction);
                else
                    throw new InvalidDataException($"Relocation type {reloc.Type} at instruction {k} of '{piece.Section.Name}' against '{symbol.Name}' is not supported.");
            }
            else if (isCall && instruction.Src == PseudoSource.LocalCall)
            {
                // A call within the same section that the compiler resolved itself.
                LinkCall(index, piece.Section, (long)offset + ((long)instruction.Imm + 1) * Instruction.Size, instruction);
            }
            if (instruction.IsWide)
                k++;
        }
    }

    private void LinkCall(int index, ElfSection section, long targetOffset, Instruction instruction)
    {
        if (targetOffset < 0 || targetOffset >= section.Data.Length || targetOffset % Instruction.Size != 0)
            throw new InvalidDataException($"A call at instruction {index} targets byte {targetOffset} of '{section.Name}', outside its code.");
        var function = elf.Symbols.FirstOrDefault(s => s.SectionIndex == section.Index && s.Type == ElfSymbolType.Func
            && (ulong)targetOffset >= s.Value && (ulong)targetOffset < s.Value + Math.Max(s.Size, 1));
        ulong start = function.Name is null ? (ulong)targetOffset : function.Value;
        ulong end = function.Name is null || function.Size == 0 ? (ulong)section.Data.Length : function.Value + function.Size;
        int destination = Place(section, start, end) + (int)(((ulong)targetOffset - start) / Instruction.Size);
        code[index] = instruction with { Imm = destination - index - 1 };
    }

    private void ReferenceMap(int index, ElfSymbol symbol, ElfSection section, Instruction instruction)
    {
        // Global symbols carry the position; section symbols (static data) leave it in the immediate.
        ulong position = symbol.Value + (ulong)(long)instruction.Imm;
        var map = maps.FirstOrDefault(m => m.SectionIndex == section.Index && (m.IsGlobalData
            || position >= m.Offset && position < m.Offset + Math.Max(m.Size, 1)));
        if (map is null)
            throw new InvalidDataException($"Instruction {index} refers to '{symbol.Name}' in section '{section.Name}', which is neither a map nor global data.");
        if (map.IsGlobalData)
            references.Add(new MapReference(index, map.Spec.Name, checked((int)position), IsValue: true));
        else
            references.Add(new MapReference(index, map.Spec.Name, 0, IsValue: false));
    }
}
