using System.Runtime.InteropServices;
using BpfSharp;

namespace BpfSharp.Tests.Programs;

// The keys and values below are filled by the kernel and the host, never by C# code: CS0649 has nothing to say.
#pragma warning disable CS0649

internal enum Kind : byte { None, Read, Write }

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Stats
{
    public ulong Count;
    public uint Last;
    public Kind Kind;
    public fixed byte Comm[16];
}

internal struct Prefix
{
    public uint PrefixLength;
    public uint Address;
}

/// <summary>
/// One class with maps of several kinds and globals in each data section, shared by both test projects: the
/// runtime tests' generator compiles it like a user's program and the kernel runs it; the generator tests read
/// this file's text (<c>SharedPrograms.Source</c>) and compile it in-process to check the object and the skeleton.
/// Nothing here may refer to the test projects: the in-process compilation sees this file alone. Internal, so the
/// in-process compilation, which references the test assembly, does not see these types twice.
/// </summary>
internal static unsafe partial class MapsAndGlobals
{
    static readonly HashMap<uint, ulong> Counts = new(maxEntries: 1024);
    static readonly ArrayMap<ulong> Slots = new(4);
    static readonly ArrayMap<Stats> PerSlot = new(4);
    static readonly LpmTrieMap<Prefix, uint> Routes = new(16);
    static readonly RingBuffer Events = new(4096 * 4);
    static readonly PerCpuArrayMap<ulong> Hits = new(1);

    static readonly uint Step = 2;
    static ulong Total = 5;
    static ulong Seen;

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Count(RawTracepointContext ctx)
    {
        uint key = 7;
        ulong* value = Counts.Lookup(key);
        if (value != null)
            Bpf.AtomicAdd(value, Step);
        else
            Counts.Update(key, Step);
        Seen++;
        Total += Seen;
        uint slot = 1;
        Slots.Update(slot, Seen);
        return 0;
    }
}
