typedef unsigned char u8; typedef unsigned short u16; typedef unsigned int u32; typedef unsigned long long u64;
struct eth { u8 dst[6]; u8 src[6]; u16 proto; };
struct ip4 { u8 vihl; u8 tos; u16 len; u16 id; u16 frag; u8 ttl; u8 proto; u16 check; u32 saddr; u32 daddr; };
struct ip6 { u32 vtcfl; u16 plen; u8 nexthdr; u8 hoplimit; u8 saddr[16]; u8 daddr[16]; };
struct tcp { u16 sport; u16 dport; u32 seq; u32 ack; u16 flags; u16 win; u16 check; u16 urg; };
struct udp { u16 sport; u16 dport; u16 len; u16 check; };

/* Returns the destination port of a TCP or UDP packet over IPv4, 0 otherwise. */
int parse_ipv4(u8 *data, u8 *end)
{
    struct eth *e = (struct eth *)data;
    if ((u8 *)(e + 1) > end) return 0;
    if (e->proto != __builtin_bswap16(0x0800)) return 0;
    struct ip4 *ip = (struct ip4 *)(e + 1);
    if ((u8 *)(ip + 1) > end) return 0;
    if (ip->proto == 6) {
        struct tcp *t = (struct tcp *)(ip + 1);
        if ((u8 *)(t + 1) > end) return 0;
        return __builtin_bswap16(t->dport);
    }
    if (ip->proto == 17) {
        struct udp *u = (struct udp *)(ip + 1);
        if ((u8 *)(u + 1) > end) return 0;
        return __builtin_bswap16(u->dport);
    }
    return 0;
}

/* IPv4 with a variable header length (ihl), as real parsers must handle options. */
int parse_ipv4_ihl(u8 *data, u8 *end)
{
    struct eth *e = (struct eth *)data;
    if ((u8 *)(e + 1) > end) return -1;
    if (e->proto != __builtin_bswap16(0x0800)) return -2;
    struct ip4 *ip = (struct ip4 *)(e + 1);
    if ((u8 *)(ip + 1) > end) return -1;
    u32 hl = (ip->vihl & 0xf) * 4;
    if (hl < 20) return -3;
    u8 *l4 = (u8 *)ip + hl;
    if (l4 + 8 > end) return -1;
    struct udp *u = (struct udp *)l4;
    return __builtin_bswap16(u->sport) ^ __builtin_bswap16(u->dport);
}

/* Classifies an IPv6 packet by next header: 1 tcp, 2 udp, 3 icmpv6, 0 other. */
int parse_ipv6(u8 *data, u8 *end)
{
    struct eth *e = (struct eth *)data;
    if ((u8 *)(e + 1) > end) return 0;
    if (e->proto != __builtin_bswap16(0x86DD)) return 0;
    struct ip6 *ip = (struct ip6 *)(e + 1);
    if ((u8 *)(ip + 1) > end) return 0;
    switch (ip->nexthdr) {
    case 6: return 1;
    case 17: return 2;
    case 58: return 3;
    default: return 0;
    }
}

/* One's-complement checksum of an IPv4 header (10 16-bit words). */
u32 checksum(u8 *data, u8 *end)
{
    if (data + 20 > end) return 0;
    u16 *w = (u16 *)data;
    u32 sum = 0;
    for (int i = 0; i < 10; i++)
        sum += w[i];
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    return (u16)~sum;
}

/* The log2 bucket of a value, as histogram programs compute it. */
u32 log2_bucket(u64 v)
{
    u32 r = 0, shift;
    shift = (v > 0xFFFFFFFFULL) << 5; v >>= shift; r = shift;
    shift = (v > 0xFFFF) << 4; v >>= shift; r |= shift;
    shift = (v > 0xFF) << 3; v >>= shift; r |= shift;
    shift = (v > 0xF) << 2; v >>= shift; r |= shift;
    shift = (v > 0x3) << 1; v >>= shift; r |= shift;
    r |= (v >> 1);
    return r;
}

/* Per-protocol counter index, with counts in a stack array. */
u64 counters(u32 proto, u64 bytes)
{
    u64 c[4] = {};
    u32 i;
    switch (proto) {
    case 6: i = 0; break;
    case 17: i = 1; break;
    case 1: i = 2; break;
    default: i = 3; break;
    }
    c[i] += bytes;
    c[i] += 1;
    return c[0] + c[1] * 3 + c[2] * 5 + c[3] * 7;
}

/* Hash of a flow key, as load balancers compute it. */
u32 flow_hash(u32 saddr, u32 daddr, u32 ports, u32 seed)
{
    u32 h = seed ^ 0x9e3779b9;
    h ^= saddr; h *= 0x85ebca6b; h ^= h >> 13;
    h ^= daddr; h *= 0xc2b2ae35; h ^= h >> 16;
    h ^= ports; h = (h << 7) | (h >> 25);
    return h % 64;
}

/* Signed arithmetic: average and clamping. */
long clamp_avg(long a, long b, long lo, long hi)
{
    long avg = (a + b) >> 1;
    if (avg < lo) return lo;
    if (avg > hi) return hi;
    return avg;
}
