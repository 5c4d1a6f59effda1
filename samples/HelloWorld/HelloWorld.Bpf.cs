using BpfSharp;

namespace BpfSharp.Samples;

/// <summary>The seed's first program: one line to the kernel's trace buffer on every system call.</summary>
public static partial class HelloWorld
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int SayHello(RawTracepointContext ctx)
    {
        Bpf.Printk("Hello world!\n");
        return 0;
    }
}
