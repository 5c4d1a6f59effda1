using System.Diagnostics;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>The kernel's verifier accepts what the compiler emits: loops, subprograms, structs, pointers, helpers.</summary>
public class VerifierTests
{
    [Fact]
    public void Kernel_verifier_accepts_a_program_using_the_whole_subset()
    {
        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("CI") != "true")
            Assert.Skip("loading programs needs root");

        var result = CompilerHarness.CompileClass("""
            [MethodImpl(MethodImplOptions.NoInlining)]
            static long Mix(long a, int b) { long r = a; for (int i = 0; i < 4; i++) r = r * 31 + b; return r; }

            public static int ProgA(RawTracepointContext ctx)
            {
                ulong id = Bpf.GetCurrentPidTgid();
                long s = 0;
                for (int i = 0; i < 16; i++) { if ((i & 1) == 0) continue; s += i * (long)(id & 7); }
                Pair p = default; p.A = (int)s; Pair* pp = &p; pp->B = Mix(s, pp->A);
                int* buf = stackalloc int[4]; buf[2] = (int)ctx.Arg(1);
                Bpf.Printk("s=%d b=%d x=%u\n", s, pp->B, (uint)buf[2] switch { 0 => 1, > 5 => 2, _ => 3 });
                return 0;
            }
            """, "public struct Pair { public int A; public long B; }");
        Assert.Empty(result.Diagnostics);
        var specs = result.Programs.Select(p => new ProgramSpec(p.Name, ProgramKind.RawTracepoint, "raw_tracepoint/sys_enter", "sys_enter", null)).ToList();
        string dir = Directory.CreateTempSubdirectory("bpfsharp-verifier").FullName;
        string obj = Path.Combine(dir, "prog.o");
        File.WriteAllBytes(obj, BpfSharp.Generator.Object.ObjectWriter.Write(result, specs, "GPL"));
        Directory.CreateDirectory("/sys/fs/bpf");
        if (!File.ReadAllText("/proc/mounts").Contains(" /sys/fs/bpf bpf "))
            Run("mount", "-t bpf bpf /sys/fs/bpf");
        string pin = "/sys/fs/bpf/bpfsharp_verifier_" + Environment.ProcessId;
        try
        {
            var (code, output) = Run("bpftool", $"prog load {obj} {pin}");
            Assert.True(code == 0, "bpftool prog load failed:\n" + output);
        }
        finally
        {
            File.Delete(pin);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Code, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
