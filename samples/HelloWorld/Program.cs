using BpfSharp.Runtime;
using BpfSharp.Samples;

// The seed's Hello World: load the program, run it once through BPF_PROG_TEST_RUN (as `bpftool prog run`
// does), attach it to the sys_enter raw tracepoint, and print what it wrote to the kernel's trace pipe.
if (!Privileges.CanLoadPrograms(out string reason))
{
    Console.Error.WriteLine(reason);
    return 1;
}

using var hello = HelloWorld.Load();
var info = hello.SayHello.Info;
Console.WriteLine($"Loaded {hello.SayHello.Name}: {info.XlatedLength / 8} instructions, {info.JitedLength} bytes jited, {info.VerifiedInstructions} verified");

using var pipe = TracePipe.Open();
var timeout = TimeSpan.FromSeconds(5);

// A raw tracepoint program's context is its argument array; the seed's program ignores it. The trace pipe
// is shared by the whole machine and reading consumes it, so run again if another reader took the line.
string? fromTestRun = null;
for (int attempt = 0; attempt < 5 && fromTestRun is null; attempt++)
{
    var run = hello.SayHello.TestRun(new TestRunOptions { Context = new byte[16] });
    if (attempt == 0)
        Console.WriteLine($"Test run returned {run.ReturnValue}");
    fromTestRun = pipe.WaitFor(line => line.Contains("Hello world!"), TimeSpan.FromSeconds(1));
}
if (fromTestRun is null)
{
    Console.Error.WriteLine("The test run's line did not reach the trace pipe.");
    return 2;
}
Console.WriteLine($"trace_pipe: {fromTestRun.Trim()}");

hello.AttachAll();
if (pipe.WaitFor(line => line.Contains("Hello world!"), timeout) is not { } fromTracepoint)
{
    Console.Error.WriteLine("No line from the attached program within 5 seconds.");
    return 3;
}
Console.WriteLine($"attached to sys_enter, trace_pipe: {fromTracepoint.Trim()}");
TracePipe.TryGetPrintkMessage(fromTracepoint, out string message);
Console.WriteLine(message.Trim());
return 0;
