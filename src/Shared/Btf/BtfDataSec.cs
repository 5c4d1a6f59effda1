using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>VAR: a global variable, listed in a DATASEC (".data", ".bss", ".rodata", ".maps", ...).</summary>
internal sealed record BtfVar(string Name, uint Type, BtfVarLinkage Linkage) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Var;
}

/// <summary>Where a VAR lives inside its section.</summary>
internal sealed record BtfVarSecInfo(uint Type, uint Offset, uint Size);

/// <summary>DATASEC: an ELF data section named as the section is, with its variables in offset order.</summary>
internal sealed record BtfDataSec(string Name, uint Size, IReadOnlyList<BtfVarSecInfo> Vars) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.DataSec;
}
