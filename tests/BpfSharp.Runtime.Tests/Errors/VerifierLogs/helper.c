#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("raw_tracepoint/sys_enter")
int adjust(void *ctx)
{
    return bpf_xdp_adjust_head(ctx, 4);
}
char LICENSE[] SEC("license") = "GPL";
