using System.Diagnostics;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Tracing;

[Collection(SerialCollection.Name)]
public sealed class UprobeTests
{
    private const string TargetSource = """
        #include <stdio.h>
        __attribute__((noinline)) int add(int a, int b) { return a + b; }
        int main(void)
        {
            int a, b;
            while (scanf("%d %d", &a, &b) == 2) {
                printf("%d\n", add(a, b));
                fflush(stdout);
            }
            return 0;
        }
        """;

    [KernelFact]
    public void Uprobe_and_uretprobe_read_arguments_and_return_value_of_one_process()
    {
        Kernel.Require();
        Tools.Require("gcc");
        using var dir = Tools.CreateTempDirectory();
        string source = dir.File("target.c"), binary = dir.File("target");
        File.WriteAllText(source, TargetSource);
        Tools.Run("gcc", "-O1", "-g", "-o", binary, source);

        int bpfBefore = Descriptors.CountBpf();
        using var pipe = TracePipe.Open();
        using var target = Process.Start(new ProcessStartInfo(binary) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        try
        {
            using (var programs = UprobePrograms.Load())
            using (var entry = programs.OnAdd.AttachUprobe(binary, "add", target.Id))
            using (var exit = programs.OnAddReturn.AttachUretprobe(binary, "add", target.Id))
            {
                Assert.StartsWith("uprobe:" + binary + ":add pid ", entry.Description);
                int a = 1000 + Environment.ProcessId % 1000, b = 23_000 + Random.Shared.Next(1000);
                void Call()
                {
                    target.StandardInput.WriteLine($"{a} {b}");
                    Assert.Equal((a + b).ToString(), target.StandardOutput.ReadLine());
                }

                var entryLine = TraceWait.Until(pipe, l => l.Contains($"bpfsharp-uprobe {a} {b}", StringComparison.Ordinal), Call);
                var exitLine = TraceWait.Until(pipe, l => l.Contains($"bpfsharp-uretprobe {a + b}", StringComparison.Ordinal), Call);

                Assert.True(entryLine is not null, "the uprobe did not report add's arguments");
                Assert.True(exitLine is not null, "the uretprobe did not report add's result");
            }
        }
        finally
        {
            target.Kill();
            target.WaitForExit();
        }
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
    }

    [KernelFact]
    public void Unknown_symbol_is_named()
    {
        Kernel.Require();
        using var programs = UprobePrograms.Load();
        string self = "/proc/self/exe";

        var error = Assert.Throws<InvalidDataException>(() => programs.OnAdd.AttachUprobe(self, "bpfsharp_no_such_symbol"));

        Assert.Contains("bpfsharp_no_such_symbol", error.Message);
    }

    [Fact]
    public void Symbol_offsets_match_nm_and_readelf_for_libc()
    {
        Tools.Require("readelf");
        string libc = Tools.Run("gcc", "-print-file-name=libc.so.6").Trim();
        // readelf gives getpid's address; for libc the first PT_LOAD maps offset 0 at address 0, so offset = address.
        string symbols = Tools.Run("readelf", "--dyn-syms", "-W", libc);
        var row = symbols.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .First(p => p.Length >= 8 && p[7].StartsWith("getpid@", StringComparison.Ordinal) && p[3] == "FUNC");
        ulong address = Convert.ToUInt64(row[1], 16);

        ulong offset = ElfSymbolOffsets.Resolve(libc, "getpid");

        Assert.Equal(address, offset);
    }
}
