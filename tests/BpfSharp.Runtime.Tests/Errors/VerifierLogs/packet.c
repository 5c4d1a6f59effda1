#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("xdp")
int parse(struct xdp_md *ctx)
{
    unsigned char *data = (void *)(long)ctx->data;
    unsigned char *end = (void *)(long)ctx->data_end;
    if (data + 10 > end)
        return XDP_DROP;
    return *(unsigned short *)(data + 12) == 8 ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
