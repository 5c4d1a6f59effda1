using BpfSharp.Asm;
using A = BpfSharp.Asm.Asm;
using BpfSharp.Elf;
using BpfSharp.Tests;

namespace BpfSharp.Generator.Tests.Asm;

/// <summary>Writes the instruction table into an object and holds our listing to llvm-objdump's, whole output at once.</summary>
public sealed class ObjdumpCrossCheckTests
{
    private static byte[] ObjectWith(IEnumerable<Instruction> code, params (string Name, ulong Value)[] symbols)
    {
        var w = new ElfWriter();
        int text = w.AddSection("xdp", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.ExecInstr, Instruction.Encode(code.ToArray()), 8);
        foreach (var (name, value) in symbols)
            w.AddSymbol(name, text, value, 0, ElfSymbolType.Func, ElfSymbolBinding.Global);
        return w.ToArray();
    }

    private static (string Objdump, string Ours) Both(byte[] obj, bool alu32)
    {
        using var dir = Tools.CreateTempDirectory();
        string path = dir.File("table.o");
        File.WriteAllBytes(path, obj);
        var args = new List<string> { "-d" };
        if (alu32)
            args.Add("--mattr=+alu32");
        args.Add(path);
        return (Tools.Run("llvm-objdump", args, null), ObjdumpListing.ListObject(ElfFile.Parse(obj), path, alu32));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Listing_of_every_llvm14_instruction_matches_objdump(bool alu32)
    {
        Tools.Require("llvm-objdump");
        var code = InstructionCases.All.Where(c => c.Llvm14).SelectMany(c => c.Slots);
        var (objdump, ours) = Both(ObjectWith(code, ("table", 0)), alu32);
        Assert.Equal(objdump.Split('\n'), ours.Split('\n'));
    }

    [Fact]
    public void Instructions_marked_beyond_llvm14_really_are()
    {
        Tools.Require("llvm-objdump");
        var cases = InstructionCases.All.Where(c => !c.Llvm14).ToArray();
        var (objdump, ours) = Both(ObjectWith(cases.SelectMany(c => c.Slots), ("table", 0)), alu32: false);
        var theirs = objdump.Split('\n').Where(l => l.StartsWith("     ")).ToArray();
        var mine = ours.Split('\n').Where(l => l.StartsWith("     ")).ToArray();
        Assert.Equal(cases.Length, mine.Length);
        Assert.Equal(theirs.Length, mine.Length);
        for (int i = 0; i < mine.Length; i++)
            Assert.NotEqual(theirs[i], mine[i]);
    }

    [Fact]
    public void Invalid_encodings_are_unknown_to_objdump_too()
    {
        Tools.Require("llvm-objdump");
        var (objdump, ours) = Both(ObjectWith(InstructionCases.Invalid), alu32: true);
        Assert.Equal(objdump.Split('\n'), ours.Split('\n'));
    }

    [Fact]
    public void Jump_annotations_follow_objdumps_symbol_rules()
    {
        Tools.Require("llvm-objdump");
        // No symbol at 0 (objdump invents one named after the section), two symbols at one address (the last by name
        // wins), backward and forward jumps across symbols, and a jump past the end.
        var code = new[]
        {
            A.Mov64(Register.R0, 0),
            A.Jump(JumpOp.Jgt, Register.R1, Register.R2, 2),
            A.Ja(-2),
            A.Jump32(JumpOp.Jeq, Register.R1, 0, -4),
            A.Ja(0),
            A.Ja(10),
            A.Exit(),
        };
        var (objdump, ours) = Both(ObjectWith(code, ("zeta", 16), ("alpha", 16), ("last", 40)), alu32: false);
        Assert.Contains("<zeta>:", objdump);
        Assert.Equal(objdump.Split('\n'), ours.Split('\n'));
    }
}
