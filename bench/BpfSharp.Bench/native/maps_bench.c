// The libbpf side of the benchmarks: the same operations as Maps/ManagedBench.cs, under the same protocol.
// Usage: maps_bench <bench.bpf.o> <bench> <arg> <warmup> <batches> <batch size> <clock: cpu|wall>
//   element array|hash  warm-up ops of each kind, then <batches> batches of <batch size> ops; ns per op
//   iterate <entries>   <warmup> untimed full reads, then <batches> timed reads of each kind; us per read
//   ringbuf 8|64        <warmup> untimed fill+drain rounds, then <batches> timed drains; events per second
//   open_load -         <warmup> untimed cycles, then <batches> batches of <batch size> cycles; us per cycle
// Each prints the median over its batches.
// Prints "name value" lines. The C# side is driven with the very same arguments.
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

// cpu: this thread's CPU time, user and system (CLOCK_THREAD_CPUTIME_ID); wall: CLOCK_MONOTONIC.
static clockid_t clock_id = CLOCK_THREAD_CPUTIME_ID;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(clock_id, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

// The median of a step's batches: steady against both a preempted batch and one the kernel's allocator favoured.
static double median(double *samples, int n)
{
    qsort(samples, n, sizeof(double), compare);
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

#define MAX_BATCHES 256

static void lookups(int fd, int ops)
{
    __u64 value;
    for (int i = 0; i < ops; i++) {
        __u32 k = i & 1023;
        if (bpf_map_lookup_elem(fd, &k, &value)) { perror("lookup"); exit(1); }
    }
}

static void updates(int fd, int ops)
{
    for (int i = 0; i < ops; i++) {
        __u32 k = i & 1023;
        __u64 value = i;
        if (bpf_map_update_elem(fd, &k, &value, BPF_ANY)) { perror("update"); exit(1); }
    }
}

static void element(const char *kind, int warmup, int batches, int size)
{
    enum bpf_map_type type = strcmp(kind, "hash") == 0 ? BPF_MAP_TYPE_HASH : BPF_MAP_TYPE_ARRAY;
    int fd = bpf_map_create(type, "bench", 4, 8, 1024, NULL);
    if (fd < 0) { perror("bpf_map_create"); exit(1); }
    updates(fd, 1024);
    lookups(fd, warmup);
    updates(fd, warmup);
    double lookup[MAX_BATCHES], update[MAX_BATCHES];
    for (int b = 0; b < batches; b++) {
        double start = now_ns();
        lookups(fd, size);
        lookup[b] = (now_ns() - start) / size;
        start = now_ns();
        updates(fd, size);
        update[b] = (now_ns() - start) / size;
    }
    printf("%s_lookup %.1f\n%s_update %.1f\n", kind, median(lookup, batches), kind, median(update, batches));
    close(fd);
}

static __u32 *keys;
static __u64 *values;

static int read_one_by_one(int fd)
{
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
    return seen;
}

// 1024 elements per call until the kernel says ENOENT, as BatchReader does on the C# side.
static int read_batched(int fd, int entries)
{
    __u64 in_batch = 0, out_batch = 0;
    int total = 0, first = 1;
    for (;;) {
        __u32 count = 1024;
        if (entries - total < (int)count)
            count = entries - total > 0 ? entries - total : 1;
        int err = bpf_map_lookup_batch(fd, first ? NULL : &in_batch, &out_batch, keys + total, values + total, &count, NULL);
        total += count;
        if (err && errno == ENOENT)
            return total;
        if (err) { perror("lookup_batch"); exit(1); }
        in_batch = out_batch;
        first = 0;
        if (total >= entries) {
            // One more call to learn it is the end, as a reader of an unknown map must.
            __u32 probe = 1, k;
            __u64 v;
            bpf_map_lookup_batch(fd, &in_batch, &out_batch, &k, &v, &probe, NULL);
            return total;
        }
    }
}

static void iterate(int entries, int warmup, int batches)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bench", 4, 8, entries, NULL);
    keys = calloc(entries + 1, 4);
    values = calloc(entries + 1, 8);
    for (__u32 k = 0; k < (__u32)entries; k++) {
        __u64 v = k;
        bpf_map_update_elem(fd, &k, &v, BPF_ANY);
    }
    for (int w = 0; w < warmup; w++) {
        read_one_by_one(fd);
        read_batched(fd, entries);
    }
    double single[MAX_BATCHES], batch[MAX_BATCHES];
    for (int b = 0; b < batches; b++) {
        double start = now_ns();
        int seen = read_one_by_one(fd);
        single[b] = now_ns() - start;
        if (seen != entries) { fprintf(stderr, "one-by-one saw %d\n", seen); exit(1); }
        start = now_ns();
        int total = read_batched(fd, entries);
        batch[b] = now_ns() - start;
        if (total != entries) { fprintf(stderr, "batch saw %d\n", total); exit(1); }
    }
    printf("iterate_%d_single %.1f\niterate_%d_batch %.1f\n", entries, median(single, batches) / 1e3, entries, median(batch, batches) / 1e3);
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

static void ringbuf(const char *path, int record_size, int warmup, int batches)
{
    struct bpf_object *obj = bpf_object__open_file(path, NULL);
    if (!obj || bpf_object__load(obj)) { fprintf(stderr, "load %s failed\n", path); exit(1); }
    int map_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "events"));
    const char *program = record_size == 8 ? "produce8" : "produce64";
    int prog_fd = bpf_program__fd(bpf_object__find_program_by_name(obj, program));
    struct ring_buffer *rb = ring_buffer__new(map_fd, on_record, NULL, NULL);
    unsigned ring = 4096 * 4096;
    int events = ring / ((record_size + 8 + 7) / 8 * 8) - 16;
    char packet[64] = {0};
    double times[MAX_BATCHES];
    for (int r = 0; r < warmup + batches; r++) {
        LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packet, .data_size_in = sizeof(packet), .repeat = events);
        if (bpf_prog_test_run_opts(prog_fd, &opts)) { perror("test_run"); exit(1); }
        consumed = 0;
        double start = now_ns();
        ring_buffer__consume(rb);
        double t = now_ns() - start;
        if (consumed != events) { fprintf(stderr, "consumed %ld of %d\n", consumed, events); exit(1); }
        if (r >= warmup)
            times[r - warmup] = t;
    }
    printf("ringbuf_%d %.0f\n", record_size, events / (median(times, batches) / 1e9));
    ring_buffer__free(rb);
    bpf_object__close(obj);
}

static void open_load_cycle(const char *path)
{
    struct bpf_object *obj = bpf_object__open_file(path, NULL);
    if (!obj || bpf_object__load(obj)) { fprintf(stderr, "load failed\n"); exit(1); }
    bpf_object__close(obj);
}

static void open_load(const char *path, int warmup, int batches, int size)
{
    for (int w = 0; w < warmup; w++)
        open_load_cycle(path);
    double cycle[MAX_BATCHES];
    for (int b = 0; b < batches; b++) {
        double start = now_ns();
        for (int r = 0; r < size; r++)
            open_load_cycle(path);
        cycle[b] = (now_ns() - start) / size;
    }
    printf("open_load %.1f\n", median(cycle, batches) / 1e3);
}

int main(int argc, char **argv)
{
    if (argc < 8) { fprintf(stderr, "usage: %s bench.bpf.o bench arg warmup batches batch-size cpu|wall\n", argv[0]); return 2; }
    libbpf_set_print(NULL);
    const char *path = argv[1], *bench = argv[2], *arg = argv[3];
    int warmup = atoi(argv[4]), batches = atoi(argv[5]), size = atoi(argv[6]);
    if (batches < 1 || batches > MAX_BATCHES) { fprintf(stderr, "batches must be 1..%d\n", MAX_BATCHES); return 2; }
    clock_id = strcmp(argv[7], "wall") == 0 ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID;
    if (strcmp(bench, "element") == 0)
        element(arg, warmup, batches, size);
    else if (strcmp(bench, "iterate") == 0)
        iterate(atoi(arg), warmup, batches);
    else if (strcmp(bench, "ringbuf") == 0)
        ringbuf(path, atoi(arg), warmup, batches);
    else if (strcmp(bench, "open_load") == 0)
        open_load(path, warmup, batches, size);
    else { fprintf(stderr, "unknown bench %s\n", bench); return 2; }
    return 0;
}
