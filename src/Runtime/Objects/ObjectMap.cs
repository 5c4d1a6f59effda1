namespace BpfSharp.Runtime.Objects;

/// <summary>A map an object declares, and where its definition sits in the ELF (relocations point there).</summary>
internal sealed record ObjectMap(MapSpec Spec, int SectionIndex, ulong Offset, ulong Size, bool IsGlobalData);

/// <summary>A global variable in .rodata, .data or .bss: the host may set it before load and read or write it after.</summary>
public sealed record GlobalVariable(string Name, string Section, int Offset, int Size);

/// <summary>An initial slot of a program array declared in ".maps": slot <paramref name="Index"/> runs <paramref name="Program"/>.</summary>
public sealed record ProgramArraySlot(string Map, uint Index, string Program);

/// <summary>An initial slot of a map of maps declared in ".maps": key <paramref name="Index"/> holds the object's map <paramref name="InnerMap"/>.</summary>
public sealed record InnerMapSlot(string Map, uint Index, string InnerMap);
