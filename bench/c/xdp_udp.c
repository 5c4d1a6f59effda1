// IPv4/UDP: drop DNS responses (source port 53) longer than 512 bytes and UDP with a length below its header.
#include "common.h"
SEC("xdp") int xdp_udp(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_DROP;
    if (eth->h_proto != bpf_htons(ETH_P_IP)) return XDP_PASS;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > end) return XDP_DROP;
    if (ip->protocol != IPPROTO_UDP) return XDP_PASS;
    struct udphdr *udp = (void *)ip + ip->ihl * 4;
    if ((void *)(udp + 1) > end) return XDP_DROP;
    __u16 len = bpf_ntohs(udp->len);
    if (len < sizeof(*udp)) return XDP_DROP;
    if (udp->source == bpf_htons(53) && len > 512) return XDP_DROP;
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
