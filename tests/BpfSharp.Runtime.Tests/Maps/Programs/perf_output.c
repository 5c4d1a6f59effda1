// Each run writes its sequence number to the perf event array of the current CPU.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
    __uint(key_size, sizeof(__u32));
    __uint(value_size, sizeof(__u32));
} samples SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 2);
} stats SEC(".maps"); // [0] produced, [1] failed outputs

SEC("xdp")
int emit(struct xdp_md *ctx)
{
    __u32 produced_key = 0, failed_key = 1;
    __u64 *produced = bpf_map_lookup_elem(&stats, &produced_key);
    __u64 *failed = bpf_map_lookup_elem(&stats, &failed_key);
    if (!produced || !failed)
        return XDP_ABORTED;
    __u64 sequence = __sync_fetch_and_add(produced, 1);
    if (bpf_perf_event_output(ctx, &samples, BPF_F_CURRENT_CPU, &sequence, sizeof(sequence)) < 0)
        __sync_fetch_and_add(failed, 1);
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
