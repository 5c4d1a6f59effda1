using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace BpfSharp;

/// <summary>Options of <see cref="StackTraceMap.GetStackId{TContext}"/> (<c>BPF_F_*</c> of bpf_get_stackid); the low 8 bits skip frames.</summary>
[Flags]
public enum StackTraceFlags : ulong
{
    None = 0,
    UserStack = 1 << 8,
    FastStackCompare = 1 << 9,
    ReuseStackId = 1 << 10,
}

/// <summary>
/// BPF_MAP_TYPE_STACK_TRACE: stacks of up to <see cref="Depth"/> instruction pointers stored under an id that
/// <see cref="GetStackId{TContext}"/> returns. In the CLR the "instruction pointers" are the calling methods' names.
/// </summary>
public sealed class StackTraceMap : KernelMap
{
    private readonly List<string[]> _stacks = new();

    public StackTraceMap(uint maxEntries, uint depth = 127) : base(KernelMapType.StackTrace, maxEntries, MapFlags.None) => Depth = depth;

    /// <summary>The most frames a stack keeps (the value size is 8 bytes per frame).</summary>
    public uint Depth { get; }

    /// <summary>bpf_get_stackid: the id of the current stack, or a negative errno (-EFAULT).</summary>
    [BpfHelper(HelperId.GetStackId)]
    public long GetStackId<TContext>(TContext context, StackTraceFlags flags = StackTraceFlags.None)
    {
        int skip = (int)((ulong)flags & 0xff);
        var frames = new StackTrace(1 + skip, false).GetFrames() ?? Array.Empty<StackFrame>();
        var stack = frames.Take((int)Depth).Select(f => f.GetMethod() is { } m ? m.DeclaringType?.Name + "." + m.Name : "?").ToArray();
        for (int id = 0; id < _stacks.Count; id++)
            if (_stacks[id].SequenceEqual(stack))
                return id;
        if (_stacks.Count >= MaxEntries)
            return -14;
        _stacks.Add(stack);
        return _stacks.Count - 1;
    }

    /// <summary>CLR only: the frames stored under <paramref name="id"/>, innermost first.</summary>
    public IReadOnlyList<string> Frames(long id) => _stacks[(int)id];
}
