// Each run reserves one record in the ring buffer; failed reserves are counted so that
// produced = consumed + dropped can be checked exactly.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 256 * 1024);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 2);
} stats SEC(".maps"); // [0] produced, [1] dropped

SEC("xdp")
int produce(struct xdp_md *ctx)
{
    __u32 produced_key = 0, dropped_key = 1;
    __u64 *produced = bpf_map_lookup_elem(&stats, &produced_key);
    __u64 *dropped = bpf_map_lookup_elem(&stats, &dropped_key);
    if (!produced || !dropped)
        return XDP_ABORTED;
    __u64 sequence = __sync_fetch_and_add(produced, 1);
    __u64 *record = bpf_ringbuf_reserve(&events, sizeof(__u64), 0);
    if (!record) {
        __sync_fetch_and_add(dropped, 1);
        return XDP_PASS;
    }
    *record = sequence;
    bpf_ringbuf_submit(record, 0);
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
