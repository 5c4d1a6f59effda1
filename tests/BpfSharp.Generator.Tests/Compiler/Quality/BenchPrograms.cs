namespace BpfSharp.Generator.Tests.Compiler.Quality;

/// <summary>
/// The C# twins of the functions in bench.c, written the way a user would write them. Packet programs take the
/// packet as a pointer and its end, the shape an XDP or skb program has after reading its context.
/// </summary>
internal static class BenchPrograms
{
    public const string Types = """
        [StructLayout(LayoutKind.Explicit)] public struct Eth { [FieldOffset(12)] public ushort Proto; }
        public struct Ip4 { public byte VerIhl; public byte Tos; public ushort Len; public ushort Id; public ushort Frag; public byte Ttl; public byte Proto; public ushort Check; public uint Saddr; public uint Daddr; }
        [StructLayout(LayoutKind.Explicit, Size = 40)] public struct Ip6 { [FieldOffset(0)] public uint VerTcFl; [FieldOffset(4)] public ushort PayloadLen; [FieldOffset(6)] public byte NextHeader; [FieldOffset(7)] public byte HopLimit; [FieldOffset(32)] public ulong DaddrHi; [FieldOffset(32)] public ulong DaddrLo; }
        public struct Tcp { public ushort Sport; public ushort Dport; public uint Seq; public uint Ack; public ushort Flags; public ushort Win; public ushort Check; public ushort Urg; }
        public struct Udp { public ushort Sport; public ushort Dport; public ushort Len; public ushort Check; }
        """;

    /// <summary>Name (as in bench.c) → C# members of class P; the program method is the one named like the C function.</summary>
    public static readonly (string Name, string Source)[] All =
    {
        ("parse_ipv4", """
            public static int parse_ipv4(byte* data, byte* end)
            {
                var e = (Eth*)data;
                if ((byte*)(e + 1) > end) return 0;
                if (e->Proto != BinaryPrimitives.ReverseEndianness((ushort)0x0800)) return 0;
                var ip = (Ip4*)(e + 1);
                if ((byte*)(ip + 1) > end) return 0;
                if (ip->Proto == 6)
                {
                    var t = (Tcp*)(ip + 1);
                    if ((byte*)(t + 1) > end) return 0;
                    return BinaryPrimitives.ReverseEndianness(t->Dport);
                }
                if (ip->Proto == 17)
                {
                    var u = (Udp*)(ip + 1);
                    if ((byte*)(u + 1) > end) return 0;
                    return BinaryPrimitives.ReverseEndianness(u->Dport);
                }
                return 0;
            }
            """),
        ("parse_ipv4_ihl", """
            public static int parse_ipv4_ihl(byte* data, byte* end)
            {
                var e = (Eth*)data;
                if ((byte*)(e + 1) > end) return -1;
                if (e->Proto != BinaryPrimitives.ReverseEndianness((ushort)0x0800)) return -2;
                var ip = (Ip4*)(e + 1);
                if ((byte*)(ip + 1) > end) return -1;
                uint hl = (uint)(ip->VerIhl & 0xf) * 4;
                if (hl < 20) return -3;
                byte* l4 = (byte*)ip + hl;
                if (l4 + 8 > end) return -1;
                var u = (Udp*)l4;
                return BinaryPrimitives.ReverseEndianness(u->Sport) ^ BinaryPrimitives.ReverseEndianness(u->Dport);
            }
            """),
        ("parse_ipv6", """
            public static int parse_ipv6(byte* data, byte* end)
            {
                var e = (Eth*)data;
                if ((byte*)(e + 1) > end) return 0;
                if (e->Proto != BinaryPrimitives.ReverseEndianness((ushort)0x86DD)) return 0;
                var ip = (Ip6*)(e + 1);
                if ((byte*)(ip + 1) > end) return 0;
                return ip->NextHeader switch { 6 => 1, 17 => 2, 58 => 3, _ => 0 };
            }
            """),
        ("checksum", """
            public static uint checksum(byte* data, byte* end)
            {
                if (data + 20 > end) return 0;
                var w = (ushort*)data;
                uint sum = 0;
                for (int i = 0; i < 10; i++)
                    sum += w[i];
                sum = (sum & 0xffff) + (sum >> 16);
                sum = (sum & 0xffff) + (sum >> 16);
                return (ushort)~sum;
            }
            """),
        ("log2_bucket", """
            public static uint log2_bucket(ulong v)
            {
                uint r, shift;
                shift = (v > 0xFFFFFFFFUL ? 1u : 0u) << 5; v >>= (int)shift; r = shift;
                shift = (v > 0xFFFF ? 1u : 0u) << 4; v >>= (int)shift; r |= shift;
                shift = (v > 0xFF ? 1u : 0u) << 3; v >>= (int)shift; r |= shift;
                shift = (v > 0xF ? 1u : 0u) << 2; v >>= (int)shift; r |= shift;
                shift = (v > 0x3 ? 1u : 0u) << 1; v >>= (int)shift; r |= shift;
                r |= (uint)(v >> 1);
                return r;
            }
            """),
        ("counters", """
            public static ulong counters(uint proto, ulong bytes)
            {
                ulong* c = stackalloc ulong[4];
                uint i = proto switch { 6 => 0u, 17 => 1u, 1 => 2u, _ => 3u };
                c[i] += bytes;
                c[i] += 1;
                return c[0] + c[1] * 3 + c[2] * 5 + c[3] * 7;
            }
            """),
        ("flow_hash", """
            public static uint flow_hash(uint saddr, uint daddr, uint ports, uint seed)
            {
                uint h = seed ^ 0x9e3779b9;
                h ^= saddr; h *= 0x85ebca6b; h ^= h >> 13;
                h ^= daddr; h *= 0xc2b2ae35; h ^= h >> 16;
                h ^= ports; h = (h << 7) | (h >> 25);
                return h % 64;
            }
            """),
        ("clamp_avg", """
            public static long clamp_avg(long a, long b, long lo, long hi)
            {
                long avg = (a + b) >> 1;
                if (avg < lo) return lo;
                if (avg > hi) return hi;
                return avg;
            }
            """),
    };
}
