// Maps of maps the libbpf way: the inner template in __array(values, ...), and an initial inner map in slot 1.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct inner {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u64);
} inner_a SEC(".maps"), inner_b SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
    __uint(max_entries, 2);
    __type(key, __u32);
    __array(values, struct inner);
} outer SEC(".maps") = {
    .values = { [1] = &inner_b },
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
    __uint(max_entries, 8);
    __type(key, __u32);
    __array(values, struct inner);
} by_key SEC(".maps");

// Returns element 0 of the map in outer's slot 1 as the XDP action; aborts when the slot is empty.
SEC("xdp")
int read_inner(struct xdp_md *ctx)
{
    __u32 slot = 1, key = 0;
    void *inner = bpf_map_lookup_elem(&outer, &slot);
    if (!inner)
        return XDP_ABORTED;
    __u64 *value = bpf_map_lookup_elem(inner, &key);
    return value ? (int)*value : XDP_ABORTED;
}

char LICENSE[] SEC("license") = "GPL";
