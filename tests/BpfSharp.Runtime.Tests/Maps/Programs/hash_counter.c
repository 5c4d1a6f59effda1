// Counts runs per packet length in a hash map, and per CPU in a per-CPU array.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 1024);
} counts SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 1);
} runs SEC(".maps");

SEC("xdp")
int count_packets(struct xdp_md *ctx)
{
    __u32 length = ctx->data_end - ctx->data;
    __u64 one = 1, *value = bpf_map_lookup_elem(&counts, &length);
    if (value)
        __sync_fetch_and_add(value, 1);
    else
        bpf_map_update_elem(&counts, &length, &one, BPF_NOEXIST);
    __u32 zero = 0;
    __u64 *run = bpf_map_lookup_elem(&runs, &zero);
    if (run)
        *run += 1;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
