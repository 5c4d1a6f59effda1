using BpfSharp.Tests;

namespace BpfSharp.Generator.Tests.Elf;

/// <summary>Compiles small C programs with clang into BPF objects in a temporary directory.</summary>
internal static class ClangObjects
{
    public const string Prelude = """
        #include <linux/bpf.h>
        #define SEC(n) __attribute__((section(n), used))
        typedef unsigned long long u64;
        typedef unsigned int u32;
        static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, u64 flags) = (void *) 2;
        static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
        static long (*bpf_trace_printk)(const char *fmt, u32 fmt_size, ...) = (void *) 6;
        static u64 (*bpf_ktime_get_ns)(void) = (void *) 5;
        char LICENSE[] SEC("license") = "GPL";

        """;

    /// <summary>Compiles <paramref name="source"/> (after <see cref="Prelude"/>) and returns the object's path inside <paramref name="dir"/>.</summary>
    public static string Compile(Tools.TempDirectory dir, string name, string source, string cpu = "v3")
    {
        string c = dir.File(name + ".c");
        string o = dir.File(name + ".o");
        File.WriteAllText(c, Prelude + source);
        Tools.Run("clang", "-O2", "-g", "-target", "bpf", "-mcpu=" + cpu, "-I/usr/include/x86_64-linux-gnu", "-c", c, "-o", o);
        return o;
    }
}
