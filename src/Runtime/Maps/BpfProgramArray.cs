namespace BpfSharp.Runtime;

/// <summary>A BPF_MAP_TYPE_PROG_ARRAY: the slots bpf_tail_call jumps through. Slots hold program fds.</summary>
public sealed class BpfProgramArray : BpfMapView
{
    public BpfProgramArray(BpfMap map)
        : base(map, sizeof(uint), sizeof(uint), MapType.ProgramArray)
    {
    }

    public static BpfProgramArray Create(uint maxEntries, string name = "") =>
        new(BpfMap.Create(new MapSpec { Name = name, Type = MapType.ProgramArray, KeySize = 4, ValueSize = 4, MaxEntries = maxEntries }));

    public uint Length => Map.MaxEntries;

    /// <summary>Makes tail calls to <paramref name="index"/> run <paramref name="program"/>.</summary>
    public void Set(uint index, BpfProgram program)
    {
        using var lease = program.Fd.Lease();
        int fd = lease.Value;
        Map.Update(Bytes(index), Bytes(fd));
    }

    /// <summary>Empties the slot; tail calls to it fall through. False if it was empty.</summary>
    public bool Clear(uint index) => Map.Delete(Bytes(index));

    /// <summary>The kernel id of the program in the slot (lookups return ids, not fds), or null if empty.</summary>
    public uint? ProgramId(uint index)
    {
        uint id = 0;
        return Map.TryLookup(Bytes(index), WritableBytes(ref id)) ? id : null;
    }
}
