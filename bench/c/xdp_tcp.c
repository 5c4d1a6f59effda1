// IPv4/TCP: drop SYNs without ACK to ports 22 and 23, and TCP with a zero data offset.
#include "common.h"
SEC("xdp") int xdp_tcp(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_DROP;
    if (eth->h_proto != bpf_htons(ETH_P_IP)) return XDP_PASS;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > end) return XDP_DROP;
    if (ip->protocol != IPPROTO_TCP) return XDP_PASS;
    struct tcphdr *tcp = (void *)ip + ip->ihl * 4;
    if ((void *)(tcp + 1) > end) return XDP_DROP;
    if (tcp->doff < 5) return XDP_DROP;
    __u16 port = bpf_ntohs(tcp->dest);
    if (tcp->syn && !tcp->ack && (port == 22 || port == 23)) return XDP_DROP;
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
