using System;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

public sealed partial class BpfProgram
{
    /// <summary>Runs the program once (or <see cref="TestRunOptions.Repeat"/> times) in the kernel on the given input.</summary>
    /// <exception cref="BpfNotSupportedException">The program type has no test-run support.</exception>
    public TestRunResult TestRun(TestRunOptions? options = null)
    {
        options ??= new TestRunOptions();
        int dataOutSize = options.DataOutSize ?? (options.Data.IsEmpty ? 0 : options.Data.Length + 256);
        int contextOutSize = options.ContextOutSize;
        while (true)
        {
            var dataOut = new byte[dataOutSize];
            var contextOut = new byte[contextOutSize];
            var attr = Run(options, dataOut, contextOut, out int errno);
            // ENOSPC: the output did not fit; the kernel reports the sizes it needed, so run again with room for them.
            if (errno == Errno.ENOSPC && (attr.DataSizeOut > dataOutSize || attr.CtxSizeOut > contextOutSize))
            {
                dataOutSize = Math.Max(dataOutSize, (int)attr.DataSizeOut);
                contextOutSize = Math.Max(contextOutSize, (int)attr.CtxSizeOut);
                continue;
            }
            if (Errno.IsNotSupported(errno))
                throw new BpfNotSupportedException($"BPF_PROG_TEST_RUN for {Type} programs");
            if (errno != 0)
                throw BpfSyscall.Failure(BpfCommand.ProgTestRun, errno);
            return new TestRunResult(
                attr.Retval,
                attr.Duration,
                dataOut.AsSpan(0, Math.Min(dataOutSize, (int)attr.DataSizeOut)).ToArray(),
                contextOut.AsSpan(0, Math.Min(contextOutSize, (int)attr.CtxSizeOut)).ToArray());
        }
    }

    private unsafe ProgTestRunAttr Run(TestRunOptions options, byte[] dataOut, byte[] contextOut, out int errno)
    {
        using var lease = Fd.Lease();
        fixed (byte* dataIn = options.Data.Span)
        fixed (byte* dataOutPtr = dataOut)
        fixed (byte* contextIn = options.Context.Span)
        fixed (byte* contextOutPtr = contextOut)
        {
            var attr = new ProgTestRunAttr
            {
                ProgFd = lease.Unsigned,
                DataSizeIn = (uint)options.Data.Length,
                DataIn = options.Data.IsEmpty ? 0 : (ulong)dataIn,
                DataSizeOut = (uint)dataOut.Length,
                DataOut = dataOut.Length == 0 ? 0 : (ulong)dataOutPtr,
                CtxSizeIn = (uint)options.Context.Length,
                CtxIn = options.Context.IsEmpty ? 0 : (ulong)contextIn,
                CtxSizeOut = (uint)contextOut.Length,
                CtxOut = contextOut.Length == 0 ? 0 : (ulong)contextOutPtr,
                Repeat = options.Repeat,
                Flags = options.Flags,
                Cpu = options.Cpu,
                BatchSize = options.BatchSize,
            };
            BpfSyscall.TryInvoke(BpfCommand.ProgTestRun, ref attr, out errno);
            return attr;
        }
    }
}
