// Per-protocol packet and byte counters (IPv4 protocol number, IPv6 next header) in a per-CPU array.
#include "common.h"
struct counters { __u64 packets, bytes; };
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 256);
    __type(key, __u32);
    __type(value, struct counters);
} proto_counts SEC(".maps");

SEC("xdp") int xdp_proto_count(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_PASS;
    __u32 proto;
    if (eth->h_proto == bpf_htons(ETH_P_IP)) {
        struct iphdr *ip = (void *)(eth + 1);
        if ((void *)(ip + 1) > end) return XDP_PASS;
        proto = ip->protocol;
    } else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
        struct ipv6hdr *ip6 = (void *)(eth + 1);
        if ((void *)(ip6 + 1) > end) return XDP_PASS;
        proto = ip6->nexthdr;
    } else {
        return XDP_PASS;
    }
    struct counters *c = bpf_map_lookup_elem(&proto_counts, &proto);
    if (c) {
        c->packets++;
        c->bytes += (__u64)(end - data);
    }
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
