using System.Collections.Concurrent;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>The C programs in Maps/Programs, compiled with clang at test time (once per process) the way libbpf users build them.</summary>
internal static class ClangObjects
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> s_objects = new();
    private static readonly string s_output = Directory.CreateTempSubdirectory("bpfsharp-clang-").FullName;

    public static string SourceDirectory => Path.Combine(Repo.Root, "tests", "BpfSharp.Runtime.Tests", "Maps", "Programs");

    public static byte[] Compile(string name) => s_objects.GetOrAdd(name, n => new Lazy<byte[]>(() =>
    {
        if (Tools.Find("clang") is null)
        {
            if (Kernel.InCi)
                Assert.Fail("clang is needed to build the C test programs.");
            Assert.Skip("clang is not installed");
        }
        if (!File.Exists("/usr/include/bpf/bpf_helpers.h"))
        {
            if (Kernel.InCi)
                Assert.Fail("libbpf-dev (bpf/bpf_helpers.h) is needed to build the C test programs.");
            Assert.Skip("libbpf-dev is not installed");
        }
        string output = Path.Combine(s_output, n + ".o");
        string include = Directory.Exists("/usr/include/x86_64-linux-gnu") ? "/usr/include/x86_64-linux-gnu" : "/usr/include/aarch64-linux-gnu";
        Tools.Run("clang", "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I" + include, "-c", Path.Combine(SourceDirectory, n + ".c"), "-o", output);
        return File.ReadAllBytes(output);
    })).Value;
}
