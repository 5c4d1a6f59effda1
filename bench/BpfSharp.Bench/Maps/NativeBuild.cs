using System.Diagnostics;
using System.Globalization;

namespace BpfSharp.Bench.Maps;

/// <summary>Compiles the BPF object with clang and the libbpf benchmark with gcc, in a temporary directory, and runs the latter.</summary>
internal sealed class NativeBuild
{
    private readonly string executable;

    private NativeBuild(string directory, string executable, string bpfObject, string libbpfVersion)
    {
        Directory = directory;
        this.executable = executable;
        BpfObject = bpfObject;
        LibbpfVersion = libbpfVersion;
    }

    public string Directory { get; }

    public string BpfObject { get; }

    public string LibbpfVersion { get; }

    public static NativeBuild Run(string baseDirectory)
    {
        string source = Path.Combine(baseDirectory, "native");
        string output = System.IO.Directory.CreateTempSubdirectory("bpfsharp-bench-").FullName;
        string include = System.IO.Directory.Exists("/usr/include/x86_64-linux-gnu") ? "/usr/include/x86_64-linux-gnu" : "/usr/include/aarch64-linux-gnu";
        string bpfObject = Path.Combine(output, "bench.bpf.o");
        string executable = Path.Combine(output, "maps_bench");
        Exec("clang", "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I" + include, "-c", Path.Combine(source, "bench.bpf.c"), "-o", bpfObject);
        Exec("gcc", "-O2", "-o", executable, Path.Combine(source, "maps_bench.c"), "-lbpf");
        string version = File.ReadLines("/usr/include/bpf/libbpf_version.h")
            .Where(l => l.Contains("_VERSION ")).Select(l => l.Split(' ')[^1]).Aggregate((a, b) => a + "." + b);
        return new NativeBuild(output, executable, bpfObject, version);
    }

    public Dictionary<string, double> RunNative(BenchStep step) =>
        Exec(executable, [BpfObject, .. step.NativeArguments()])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));

    private static string Exec(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        return stdout;
    }
}
