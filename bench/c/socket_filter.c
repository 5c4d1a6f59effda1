// Socket filter: keep IPv4 TCP packets to port 80 or 443 (whole packet), drop the rest.
#include "common.h"
SEC("socket") int socket_filter(struct __sk_buff *skb)
{
    __u16 proto;
    if (bpf_skb_load_bytes(skb, offsetof(struct ethhdr, h_proto), &proto, sizeof(proto)) < 0) return 0;
    if (proto != bpf_htons(ETH_P_IP)) return 0;
    __u8 ver_ihl, protocol;
    if (bpf_skb_load_bytes(skb, ETH_HLEN, &ver_ihl, 1) < 0) return 0;
    if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, protocol), &protocol, 1) < 0) return 0;
    if (protocol != IPPROTO_TCP) return 0;
    __u16 dport;
    __u32 off = ETH_HLEN + (ver_ihl & 0xf) * 4 + offsetof(struct tcphdr, dest);
    if (bpf_skb_load_bytes(skb, off, &dport, sizeof(dport)) < 0) return 0;
    dport = bpf_ntohs(dport);
    return dport == 80 || dport == 443 ? skb->len : 0;
}
char LICENSE[] SEC("license") = "GPL";
