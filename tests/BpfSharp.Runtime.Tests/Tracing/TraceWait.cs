namespace BpfSharp.Runtime.Tests.Tracing;

/// <summary>
/// Waits for a printk line while other processes on the machine may read the same trace_pipe and take some lines:
/// the event is triggered again every round, so one stolen line does not fail the test.
/// </summary>
internal static class TraceWait
{
    public static string? Until(TracePipe pipe, Func<string, bool> match, Action trigger, int rounds = 8)
    {
        for (int i = 0; i < rounds; i++)
        {
            trigger();
            if (pipe.WaitFor(match, TimeSpan.FromSeconds(1.5)) is { } line)
                return line;
        }
        return null;
    }
}
