// Packets per IPv4 source address in a hash map: increment in place, insert when absent.
#include "common.h"
struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 4096);
    __type(key, __u32);
    __type(value, __u64);
} src_counts SEC(".maps");

SEC("xdp") int xdp_hash_count(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_PASS;
    if (eth->h_proto != bpf_htons(ETH_P_IP)) return XDP_PASS;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > end) return XDP_PASS;
    __u32 key = ip->saddr;
    __u64 *count = bpf_map_lookup_elem(&src_counts, &key);
    if (count) {
        __sync_fetch_and_add(count, 1);
    } else {
        __u64 one = 1;
        bpf_map_update_elem(&src_counts, &key, &one, BPF_NOEXIST);
    }
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
