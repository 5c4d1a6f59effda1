namespace BpfSharp.Runtime.Objects;

/// <summary>
/// An LD_IMM64 at <paramref name="Instruction"/> that must receive a map's fd at load: the map itself
/// (BPF_PSEUDO_MAP_FD) or, for global data, an address <paramref name="Offset"/> bytes into its value (BPF_PSEUDO_MAP_VALUE).
/// </summary>
internal sealed record MapReference(int Instruction, string Map, int Offset, bool IsValue);
