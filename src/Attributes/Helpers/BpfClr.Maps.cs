using System;

namespace BpfSharp;

public static partial class BpfClr
{
    [ThreadStatic] private static int s_currentCpu;
    private static int s_cpuCount = Environment.ProcessorCount;

    /// <summary>The CPU a program "runs on" in the CLR: which value of a per-CPU map it sees. Per thread.</summary>
    public static int CurrentCpu
    {
        get => s_currentCpu;
        set => s_currentCpu = value >= 0 && value < CpuCount ? value : throw new ArgumentOutOfRangeException(nameof(value), $"CPUs are 0 to {CpuCount - 1}.");
    }

    /// <summary>The number of CPUs per-CPU maps created from now on have (the host's processor count by default).</summary>
    public static int CpuCount
    {
        get => s_cpuCount;
        set => s_cpuCount = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>
    /// Runs <paramref name="program"/> as the kernel would: a tail call (<see cref="ProgramArray.TailCall"/>) leaves it
    /// and the called program's result is returned, up to the kernel's limit of 33 tail calls.
    /// </summary>
    public static int Run<TContext>(Func<TContext, int> program, TContext context)
    {
        Func<int> next = () => program(context);
        for (int calls = 0; ; calls++)
        {
            try
            {
                return next();
            }
            catch (TailCallException tail) when (calls < MaxTailCalls)
            {
                next = tail.Continuation;
            }
        }
    }

    private const int MaxTailCalls = 33;
}
