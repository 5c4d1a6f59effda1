using System.Diagnostics;

namespace BpfSharp.Generator.Tests.Btf;

/// <summary>Runs the external tools (bpftool, clang, llvm-objcopy) the BTF tests compare against.</summary>
internal static class BtfTools
{
    private static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Skips the test when <paramref name="tool"/> is not on PATH, except in CI where that is a failure.</summary>
    public static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path))
                return path;
        }
        return Unavailable($"{tool} is not installed");
    }

    /// <summary>Skips (or in CI fails) when <paramref name="path"/> cannot be read, e.g. a kernel without BTF.</summary>
    public static string RequireFile(string path)
        => File.Exists(path) ? path : Unavailable($"{path} does not exist");

    public static string Unavailable(string reason)
    {
        if (InCi)
            Assert.Fail(reason + " (CI=true, so this is not skipped)");
        Assert.Skip(reason);
        return "";
    }

    /// <summary>Runs a tool, failing the test with its stderr if it exits non-zero; returns stdout.</summary>
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    /// <summary>A fresh directory removed when disposed.</summary>
    public static TempDir CreateTempDir() => new();

    internal sealed class TempDir : IDisposable
    {
        public TempDir() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bpfsharp-btf-" + Guid.NewGuid().ToString("n"));

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Compiles C to a BPF object with BTF the way libbpf projects do, and returns its .BTF and .BTF.ext bytes.</summary>
    public static (byte[] Btf, byte[] Ext, string Object) CompileBpf(TempDir dir, string source)
    {
        var c = dir.File("prog.c");
        var o = dir.File("prog.o");
        File.WriteAllText(c, source);
        Run("clang", "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I/usr/include/x86_64-linux-gnu", "-c", c, "-o", o);
        var btf = dir.File("prog.btf");
        var ext = dir.File("prog.btf.ext");
        Run("llvm-objcopy", "--dump-section", ".BTF=" + btf, "--dump-section", ".BTF.ext=" + ext, o, dir.File("unused.o"));
        return (File.ReadAllBytes(btf), File.ReadAllBytes(ext), o);
    }
}
