namespace BpfSharp.Tests.Maps;

/// <summary>C# sources with maps and globals, compiled through the generator by the tests.</summary>
internal static class MapPrograms
{
    public const string Counter = """
        using System.Runtime.InteropServices;
        using BpfSharp;

        namespace Demo;

        public enum Kind : byte { None, Read, Write }

        [StructLayout(LayoutKind.Sequential)]
        public unsafe struct Stats
        {
            public ulong Count;
            public uint Last;
            public Kind Kind;
            public fixed byte Comm[16];
        }

        public struct Prefix
        {
            public uint PrefixLength;
            public uint Address;
        }

        public static unsafe partial class Counter
        {
            static readonly HashMap<uint, ulong> Counts = new(maxEntries: 1024);
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
                return 0;
            }
        }
        """;
}
