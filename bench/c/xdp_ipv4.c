// IPv4 header checks: version, IHL, TTL, fragments; drops malformed packets.
#include "common.h"
SEC("xdp") int xdp_ipv4(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_DROP;
    if (eth->h_proto != bpf_htons(ETH_P_IP)) return XDP_PASS;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > end) return XDP_DROP;
    if (ip->version != 4 || ip->ihl < 5) return XDP_DROP;
    if (ip->ttl <= 1) return XDP_DROP;
    if (ip->frag_off & bpf_htons(0x3fff)) return XDP_DROP;
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
