using BpfSharp.Runtime;

namespace BpfSharp.Bench.Codegen;

/// <summary>What the kernel reports for one loaded program, and its test-run time.</summary>
internal sealed record Measurement(uint XlatedInstructions, uint JitedBytes, uint VerifiedInstructions, double NsPerRun, uint ReturnValue)
{
    public static Measurement Of(BpfProgram program, byte[] packet, uint repeat)
    {
        var info = program.Info;
        // The kernel reports an average over `repeat` runs; three rounds and the fastest damp a busy machine's noise.
        TestRunResult? best = null;
        for (int round = 0; round < 3; round++)
        {
            var result = program.TestRun(new TestRunOptions { Data = packet, Repeat = repeat });
            if (best is null || result.DurationNanoseconds < best.DurationNanoseconds)
                best = result;
        }
        return new Measurement(info.XlatedLength / 8, info.JitedLength, info.VerifiedInstructions, best!.DurationNanoseconds, best.ReturnValue);
    }
}
