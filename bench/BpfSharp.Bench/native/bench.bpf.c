// The kernel side of the benchmarks: ring buffer producers with 8- and 64-byte records, and an object with a
// hash map, a per-CPU array and global data for the open+load timing. Compiled with clang at bench time.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 4096 * 4096);
} events SEC(".maps");

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
    __uint(max_entries, 4);
} stats SEC(".maps");

const volatile __u64 seed = 1;
__u64 sequence;

struct record64 { __u64 words[8]; };

SEC("xdp")
int produce8(struct xdp_md *ctx)
{
    __u64 *record = bpf_ringbuf_reserve(&events, sizeof(__u64), 0);
    if (!record)
        return XDP_DROP;
    *record = sequence++ + seed;
    bpf_ringbuf_submit(record, 0);
    return XDP_PASS;
}

SEC("xdp")
int produce64(struct xdp_md *ctx)
{
    struct record64 *record = bpf_ringbuf_reserve(&events, sizeof(struct record64), 0);
    if (!record)
        return XDP_DROP;
    record->words[0] = sequence++ + seed;
    bpf_ringbuf_submit(record, 0);
    return XDP_PASS;
}

SEC("xdp")
int count(struct xdp_md *ctx)
{
    __u32 key = ctx->data_end - ctx->data;
    __u64 one = 1, *value = bpf_map_lookup_elem(&counts, &key);
    if (value)
        __sync_fetch_and_add(value, 1);
    else
        bpf_map_update_elem(&counts, &key, &one, BPF_NOEXIST);
    __u32 zero = 0;
    __u64 *stat = bpf_map_lookup_elem(&stats, &zero);
    if (stat)
        *stat += 1;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
