// A bloom filter whose hash count is set the libbpf way, in map_extra; the program asks whether 42 was added.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
    __type(value, __u32);
    __uint(max_entries, 64);
    __uint(map_extra, 3);
} seen SEC(".maps");

SEC("xdp")
int check(struct xdp_md *ctx)
{
    __u32 value = 42;
    return bpf_map_peek_elem(&seen, &value) == 0 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
