using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Bench;

/// <summary>
/// The codegen benchmark's C references stay loadable the way the benchmark loads them: each builds with clang and
/// passes the verifier when bpftool loads it (opened here by its pin). Their C# twins: <see cref="CodegenTwinTests"/>.
/// </summary>
public class BenchmarkProgramTests
{
    private static string BenchDirectory => Path.Combine(Repo.Root, "bench");

    [KernelFact]
    public void C_references_build_load_and_run()
    {
        Kernel.Require();
        Tools.Require("clang", "bpftool");
        var sources = Directory.GetFiles(Path.Combine(BenchDirectory, "c"), "*.c");
        Assert.True(sources.Length >= 12, $"{sources.Length} C references");

        using var work = Tools.CreateTempDirectory();
        string pins = Path.Combine(BpfFs.EnsureMounted(), $"bpfsharp-benchtest-{Environment.ProcessId}");
        Directory.CreateDirectory(pins);
        try
        {
            foreach (var source in sources)
            {
                string name = Path.GetFileNameWithoutExtension(source);
                string obj = work.File(name + ".o");
                Tools.Run("clang", "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I/usr/include/x86_64-linux-gnu", "-c", source, "-o", obj);
                Tools.Run("bpftool", "prog", "loadall", obj, Path.Combine(pins, name));
                using var program = BpfProgram.OpenPinned(Path.Combine(pins, name, name));
                Assert.Equal(name, program.Info.Name);
                Assert.True(program.Info.VerifiedInstructions > 0, name);
                program.TestRun(new TestRunOptions { Data = new byte[64] });
            }
        }
        finally
        {
            Directory.Delete(pins, recursive: true);
        }
    }
}
