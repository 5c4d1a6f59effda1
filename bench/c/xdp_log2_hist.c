// Histogram of packet lengths in log2 buckets, in an array map.
#include "common.h"
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 32);
    __type(key, __u32);
    __type(value, __u64);
} len_hist SEC(".maps");

static __always_inline __u32 log2_u32(__u32 v)
{
    __u32 r = 0, shift;
    r = (v > 0xffff) << 4; v >>= r;
    shift = (v > 0xff) << 3; v >>= shift; r |= shift;
    shift = (v > 0xf) << 2; v >>= shift; r |= shift;
    shift = (v > 0x3) << 1; v >>= shift; r |= shift;
    r |= (v >> 1);
    return r;
}

SEC("xdp") int xdp_log2_hist(struct xdp_md *ctx)
{
    __u32 len = ctx->data_end - ctx->data;
    __u32 bucket = log2_u32(len);
    __u64 *count = bpf_map_lookup_elem(&len_hist, &bucket);
    if (count)
        __sync_fetch_and_add(count, 1);
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
