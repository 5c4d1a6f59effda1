// The libbpf side of the benchmarks: the same operations as the C# side, timed the same way.
// Usage: maps_bench <bench.bpf.o> <ops>. Prints "name value" lines (ns per op, us per run, events per second).
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void elem_ops(const char *kind, enum bpf_map_type type, int ops)
{
    int fd = bpf_map_create(type, "bench", 4, 8, 1024, NULL);
    if (fd < 0) { perror("bpf_map_create"); exit(1); }
    __u64 value = 1;
    for (__u32 k = 0; k < 1024; k++)
        bpf_map_update_elem(fd, &k, &value, BPF_ANY);
    double start = now_ns();
    for (int i = 0; i < ops; i++) {
        __u32 k = i & 1023;
        if (bpf_map_lookup_elem(fd, &k, &value)) { perror("lookup"); exit(1); }
    }
    printf("%s_lookup %.1f\n", kind, (now_ns() - start) / ops);
    start = now_ns();
    for (int i = 0; i < ops; i++) {
        __u32 k = i & 1023;
        value = i;
        if (bpf_map_update_elem(fd, &k, &value, BPF_ANY)) { perror("update"); exit(1); }
    }
    printf("%s_update %.1f\n", kind, (now_ns() - start) / ops);
    close(fd);
}

static void iterate(int entries, int rounds)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bench", 4, 8, entries, NULL);
    __u32 *keys = calloc(entries, 4);
    __u64 *values = calloc(entries, 8);
    for (__u32 k = 0; k < (__u32)entries; k++) {
        __u64 v = k;
        bpf_map_update_elem(fd, &k, &v, BPF_ANY);
    }
    double best_single = 1e30, best_batch = 1e30;
    for (int r = 0; r < rounds; r++) {
        double start = now_ns();
        __u32 key, next;
        __u64 value;
        int seen = 0;
        for (int more = !bpf_map_get_next_key(fd, NULL, &next); more; more = !bpf_map_get_next_key(fd, &key, &next)) {
            key = next;
            if (!bpf_map_lookup_elem(fd, &key, &value)) {
                keys[seen] = key;
                values[seen] = value;
                seen++;
            }
        }
        double t = now_ns() - start;
        if (seen != entries) { fprintf(stderr, "one-by-one saw %d\n", seen); exit(1); }
        if (t < best_single) best_single = t;

        start = now_ns();
        __u64 in_batch = 0, out_batch = 0;
        int total = 0, first = 1;
        for (;;) {
            __u32 count = 1024;
            if (entries - total < (int)count) count = entries - total > 0 ? entries - total : 1;
            int err = bpf_map_lookup_batch(fd, first ? NULL : &in_batch, &out_batch, keys + total, values + total, &count, NULL);
            total += count;
            if (err && errno == ENOENT) break;
            if (err) { perror("lookup_batch"); exit(1); }
            in_batch = out_batch;
            first = 0;
            if (total >= entries) {
                // One more call to learn it is the end, as a reader of an unknown map must.
                __u32 probe = 1;
                __u32 k2; __u64 v2;
                err = bpf_map_lookup_batch(fd, &in_batch, &out_batch, &k2, &v2, &probe, NULL);
                break;
            }
        }
        t = now_ns() - start;
        if (total != entries) { fprintf(stderr, "batch saw %d\n", total); exit(1); }
        if (t < best_batch) best_batch = t;
    }
    printf("iterate_%d_single %.1f\n", entries, best_single / 1e3);
    printf("iterate_%d_batch %.1f\n", entries, best_batch / 1e3);
    free(keys);
    free(values);
    close(fd);
}

static long consumed;

static int on_record(void *ctx, void *data, size_t size)
{
    consumed++;
    return 0;
}

static void ringbuf(const char *path, const char *program, int record_size, int rounds)
{
    struct bpf_object *obj = bpf_object__open_file(path, NULL);
    if (!obj || bpf_object__load(obj)) { fprintf(stderr, "load %s failed\n", path); exit(1); }
    int map_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "events"));
    int prog_fd = bpf_program__fd(bpf_object__find_program_by_name(obj, program));
    struct ring_buffer *rb = ring_buffer__new(map_fd, on_record, NULL, NULL);
    unsigned ring = 4096 * 4096;
    int events = ring / ((record_size + 8 + 7) / 8 * 8) - 16;
    char packet[64] = {0};
    double best = 1e30;
    for (int r = 0; r < rounds; r++) {
        LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packet, .data_size_in = sizeof(packet), .repeat = events);
        if (bpf_prog_test_run_opts(prog_fd, &opts)) { perror("test_run"); exit(1); }
        consumed = 0;
        double start = now_ns();
        ring_buffer__consume(rb);
        double t = now_ns() - start;
        if (consumed != events) { fprintf(stderr, "consumed %ld of %d\n", consumed, events); exit(1); }
        if (t < best) best = t;
    }
    printf("ringbuf_%d %.0f\n", record_size, events / (best / 1e9));
    ring_buffer__free(rb);
    bpf_object__close(obj);
}

static void open_load(const char *path, int rounds)
{
    double start = now_ns();
    for (int r = 0; r < rounds; r++) {
        struct bpf_object *obj = bpf_object__open_file(path, NULL);
        if (!obj || bpf_object__load(obj)) { fprintf(stderr, "load failed\n"); exit(1); }
        bpf_object__close(obj);
    }
    printf("open_load %.1f\n", (now_ns() - start) / rounds / 1e3);
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: %s bench.bpf.o ops\n", argv[0]); return 2; }
    libbpf_set_print(NULL);
    int ops = atoi(argv[2]);
    elem_ops("array", BPF_MAP_TYPE_ARRAY, ops);
    elem_ops("hash", BPF_MAP_TYPE_HASH, ops);
    iterate(1024, 20);
    iterate(65536, 5);
    ringbuf(argv[1], "produce8", 8, 5);
    ringbuf(argv[1], "produce64", 64, 5);
    open_load(argv[1], 200);
    return 0;
}
