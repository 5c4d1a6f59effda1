// A tail call through a program array the object initializes itself.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 2);
} marks SEC(".maps");

SEC("xdp")
int tail_target(struct xdp_md *ctx)
{
    __u32 key = 1;
    __u64 value = 42;
    bpf_map_update_elem(&marks, &key, &value, BPF_ANY);
    return XDP_TX;
}

struct {
    __uint(type, BPF_MAP_TYPE_PROG_ARRAY);
    __uint(max_entries, 4);
    __uint(key_size, sizeof(__u32));
    __array(values, int (void *));
} jumps SEC(".maps") = {
    .values = { [2] = (void *)&tail_target },
};

SEC("xdp")
int tail_entry(struct xdp_md *ctx)
{
    __u32 key = 0;
    __u64 value = 7;
    bpf_map_update_elem(&marks, &key, &value, BPF_ANY);
    bpf_tail_call(ctx, &jumps, 2);
    return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
