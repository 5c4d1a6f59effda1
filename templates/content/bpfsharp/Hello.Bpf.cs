using BpfSharp;

namespace BpfSharpApp;

/// <summary>
/// An eBPF program in C#: the build compiles it to eBPF bytecode (see bin/.../bpf/Hello.o) and adds
/// Hello.Load(), which loads it into the kernel.
/// </summary>
public static partial class Hello
{
    // Runs in the kernel on every system call's entry.
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int SayHello(RawTracepointContext ctx)
    {
        Bpf.Printk("Hello from BpfSharpApp!\n");
        return 0;
    }
}
