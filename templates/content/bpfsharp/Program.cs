using BpfSharp.Runtime;
using BpfSharpApp;

// Load the program, attach it to the sys_enter raw tracepoint, and show a line it wrote to the kernel's
// trace pipe (/sys/kernel/tracing/trace_pipe). Loading eBPF programs needs root: sudo dotnet run.
if (!Privileges.CanLoadPrograms(out string reason))
{
    Console.Error.WriteLine(reason);
    return 1;
}

using var hello = Hello.Load();
Console.WriteLine($"Loaded {hello.SayHello.Name}: {hello.SayHello.Info.VerifiedInstructions} instructions verified");

using var pipe = TracePipe.Open();
hello.AttachAll();
Console.WriteLine("Attached to sys_enter; waiting for the program's line in the trace pipe...");

string? line = pipe.WaitFor(l => l.Contains("Hello from BpfSharpApp!"), TimeSpan.FromSeconds(5));
Console.WriteLine(line is null ? "No line within 5 seconds (is another process reading the trace pipe?)" : line.Trim());
return line is null ? 2 : 0;
