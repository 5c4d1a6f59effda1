// An array map in the legacy "maps" section (struct bpf_map_def), written by a socket filter.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct bpf_map_def_legacy {
    unsigned int type;
    unsigned int key_size;
    unsigned int value_size;
    unsigned int max_entries;
    unsigned int map_flags;
};

struct bpf_map_def_legacy slots SEC("maps") = {
    .type = BPF_MAP_TYPE_ARRAY,
    .key_size = sizeof(__u32),
    .value_size = sizeof(__u64),
    .max_entries = 4,
};

static __always_inline void fill(__u32 index, __u64 value)
{
    bpf_map_update_elem(&slots, &index, &value, BPF_ANY);
}

SEC("socket")
int fill_slots(struct __sk_buff *skb)
{
    __u64 length = skb->len;
    fill(0, length);
    fill(1, length * 2);
    fill(2, length * 3);
    fill(3, length * 4);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
