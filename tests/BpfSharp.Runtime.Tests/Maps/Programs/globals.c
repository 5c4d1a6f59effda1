// Global data: a .rodata constant the host sets before load, .data and .bss the program and host share,
// and a static subprogram in .text that reads them.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

const volatile __u32 multiplier = 1;
__u64 total = 5;
__u64 last_length;
__u32 calls;

static __attribute__((noinline)) __u64 scale(__u64 value)
{
    calls++;
    return value * multiplier;
}

SEC("xdp")
int use_globals(struct xdp_md *ctx)
{
    __u64 length = ctx->data_end - ctx->data;
    last_length = scale(length);
    total += last_length;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
