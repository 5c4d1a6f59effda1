using System;
using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// BPF_MAP_TYPE_PROG_ARRAY: program slots for tail calls. A successful <see cref="TailCall"/> never returns: the
/// called program's result is the caller's. In the CLR, <see cref="Set"/> registers methods, and a program that
/// may tail-call runs under <see cref="BpfClr.Run{TContext}"/>, which returns the last program's result.
/// </summary>
public sealed class ProgramArray : KernelMap
{
    private readonly Dictionary<uint, Delegate> _programs = new();

    public ProgramArray(uint maxEntries) : base(KernelMapType.ProgramArray, maxEntries, MapFlags.None) { }

    /// <summary>bpf_tail_call: continues in the program at <paramref name="index"/>; returns (a negative errno) only when the slot is empty.</summary>
    [BpfHelper(HelperId.TailCall)]
    public long TailCall<TContext>(TContext context, uint index)
    {
        if (index >= MaxEntries || !_programs.TryGetValue(index, out var program))
            return MapErrors.NoEntry;
        if (program is not Func<TContext, int> typed)
            throw new InvalidOperationException($"Slot {index} holds a program for another context type.");
        throw new TailCallException(() => typed(context));
    }

    /// <summary>CLR only: puts <paramref name="program"/> in slot <paramref name="index"/>.</summary>
    public void Set<TContext>(uint index, Func<TContext, int> program)
    {
        if (index >= MaxEntries)
            throw new ArgumentOutOfRangeException(nameof(index));
        _programs[index] = program;
    }

    /// <summary>CLR only: empties slot <paramref name="index"/>.</summary>
    public void Clear(uint index) => _programs.Remove(index);
}

/// <summary>Unwinds a program that made a tail call; <see cref="BpfClr.Run{TContext}"/> catches it.</summary>
public sealed class TailCallException : Exception
{
    internal TailCallException(Func<int> continuation) : base("A tail call left this program; run programs that tail-call under BpfClr.Run.") =>
        Continuation = continuation;

    internal Func<int> Continuation { get; }
}
