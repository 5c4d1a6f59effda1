#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("raw_tracepoint/sys_enter")
int hello(void *ctx)
{
    bpf_printk("hello %d", 1);
    return 0;
}
char LICENSE[] SEC("license") = "MIT";
