using System.Diagnostics;
using BpfSharp.Runtime;

namespace BpfSharp.Bench.Codegen;

/// <summary>
/// The reference side: each C program built with clang, loaded by bpftool (which creates its maps), pinned under
/// a directory unique to this process, and opened here by its pin to read BPF_OBJ_GET_INFO_BY_FD and test-run it.
/// </summary>
internal sealed class ClangSide : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("bpfsharp-bench-").FullName;
    private readonly string _pins;

    public ClangSide()
    {
        _pins = Path.Combine(BpfFs.EnsureMounted(), $"bpfsharp-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(_pins); // bpftool creates only the last level
    }

    public static string SourceDirectory => Path.Combine(AppContext.BaseDirectory, "c");

    /// <summary>Builds the program's C reference (once) and returns the object's path.</summary>
    public string Build(BenchProgram program)
    {
        string source = Path.Combine(SourceDirectory, program.Name + ".c");
        string obj = Path.Combine(_work, program.Name + ".o");
        if (!File.Exists(obj))
            Run("clang", "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I/usr/include/x86_64-linux-gnu", "-c", source, "-o", obj);
        return obj;
    }

    public Measurement Measure(BenchProgram program, uint repeat)
    {
        string obj = Build(program);
        string pinDir = Path.Combine(_pins, program.Name);
        Run("bpftool", "prog", "loadall", obj, pinDir);
        using var loaded = BpfProgram.OpenPinned(Path.Combine(pinDir, program.Name));
        return Measurement.Of(loaded, program.Packet(), repeat);
    }

    public void Dispose()
    {
        // Unpinning releases the programs and, with them, the maps bpftool created.
        if (Directory.Exists(_pins))
            Directory.Delete(_pins, recursive: true);
        Directory.Delete(_work, recursive: true);
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed:\n{stderr.Result}");
    }
}
