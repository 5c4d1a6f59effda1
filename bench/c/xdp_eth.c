// Ethernet: pass IPv4/IPv6/ARP, drop everything else.
#include "common.h"
SEC("xdp") int xdp_eth(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_DROP;
    __u16 proto = bpf_ntohs(eth->h_proto);
    if (proto == ETH_P_IP || proto == ETH_P_IPV6 || proto == ETH_P_ARP) return XDP_PASS;
    return XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
