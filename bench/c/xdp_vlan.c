// Strips through up to two VLAN tags (bounded loop) and passes only IPv4 on VLAN 100.
#include "common.h"
struct vlan_hdr { __be16 tci; __be16 proto; };
SEC("xdp") int xdp_vlan(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_DROP;
    __u16 proto = eth->h_proto;
    __u16 vid = 0;
    void *cursor = eth + 1;
    for (int i = 0; i < 2; i++) {
        if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD)) break;
        struct vlan_hdr *vlan = cursor;
        if ((void *)(vlan + 1) > end) return XDP_DROP;
        vid = bpf_ntohs(vlan->tci) & 0x0fff;
        proto = vlan->proto;
        cursor = vlan + 1;
    }
    return vid == 100 && proto == bpf_htons(ETH_P_IP) ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
