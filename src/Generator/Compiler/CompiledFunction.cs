using System.Collections.Generic;
using BpfSharp.Asm;

namespace BpfSharp.Generator.Compiler;

/// <summary>
/// The backend's output for one function: its instructions and what the object writer must record about them.
/// A program is a function placed in its own section; a subprogram (BPF-to-BPF callee) goes to <c>.text</c>.
/// </summary>
internal sealed class CompiledFunction
{
    public CompiledFunction(string name, Instruction[] code)
    {
        Name = name;
        Code = code;
    }

    /// <summary>The ELF symbol name: the C# method name for programs, a mangled unique name for subprograms.</summary>
    public string Name { get; }

    public Instruction[] Code { get; }

    /// <summary>Instructions that the loader must patch: map references and calls into other functions.</summary>
    public List<CodeRelocation> Relocations { get; } = new();

    /// <summary>Source positions of instructions, for BTF line info (.BTF.ext).</summary>
    public List<LineEntry> Lines { get; } = new();

    /// <summary>The stack bytes the frame uses, including spills.</summary>
    public int StackSize { get; init; }
}

internal enum RelocationKind
{
    /// <summary>LD_IMM64 of a map: the symbol is the map's name in <c>.maps</c>.</summary>
    Map,
    /// <summary>LD_IMM64 of a global's address: the symbol is a data section (<c>.rodata</c>, <c>.data</c>, <c>.bss</c>), the instruction's imm the offset in it.</summary>
    GlobalData,
    /// <summary>BPF-to-BPF call: the symbol is the callee's function name.</summary>
    Call,
}

/// <summary>An instruction at <paramref name="Slot"/> that refers to <paramref name="Symbol"/>.</summary>
internal readonly record struct CodeRelocation(int Slot, RelocationKind Kind, string Symbol);

/// <summary>Instruction <paramref name="Slot"/> came from <paramref name="File"/>:<paramref name="Line"/>, whose text is <paramref name="SourceText"/>.</summary>
internal readonly record struct LineEntry(int Slot, string File, int Line, int Column, string SourceText);
