// One ring buffer event per IPv4 packet: addresses, protocol, length.
#include "common.h"
struct event { __u32 saddr, daddr; __u16 len; __u8 protocol, pad; };
struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 1 << 16);
} events SEC(".maps");

SEC("xdp") int xdp_ringbuf(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_PASS;
    if (eth->h_proto != bpf_htons(ETH_P_IP)) return XDP_PASS;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > end) return XDP_PASS;
    struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
    if (!e) return XDP_PASS;
    e->saddr = ip->saddr;
    e->daddr = ip->daddr;
    e->len = bpf_ntohs(ip->tot_len);
    e->protocol = ip->protocol;
    e->pad = 0;
    bpf_ringbuf_submit(e, 0);
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
