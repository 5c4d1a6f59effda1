using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

/// <summary>
/// One global variable of a loaded object as a <typeparamref name="T"/>: where its section is mmap'ed (the usual
/// case) a read or write is a memory access, with no syscall, seen by programs at once; otherwise it is a map
/// lookup or update. Valid until the object is disposed (then it throws <see cref="ObjectDisposedException"/>).
/// </summary>
public sealed class BpfGlobal<T>
    where T : unmanaged
{
    private readonly BpfGlobals globals;
    private GlobalDataRegion? region;
    private bool resolved;

    internal BpfGlobal(BpfGlobals globals, GlobalVariable variable, bool readOnly)
    {
        this.globals = globals;
        Variable = variable;
        IsReadOnly = readOnly;
    }

    public GlobalVariable Variable { get; }

    public string Name => Variable.Name;

    /// <summary>In frozen .rodata: set before load through the load options; writing now fails with EPERM.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Whether the variable is read and written in an mmap'ed page (false: through map syscalls).</summary>
    public bool IsMapped => Region is not null;

    /// <summary>The variable's current value; setting it writes the kernel's copy, which programs see on their next read.</summary>
    /// <exception cref="BpfException">Setting a <see cref="IsReadOnly"/> variable: EPERM, the map is frozen.</exception>
    public T Value
    {
        get
        {
            if (Region is { } mapped)
                return mapped.Read<T>(Variable.Offset);
            T value = default;
            globals.Read(Variable, System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<T>(ref value)));
            return value;
        }
        set
        {
            if (Region is { ReadOnly: false } mapped)
                mapped.Write(Variable.Offset, value);
            else
                globals.Write(Variable, System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
        }
    }

    /// <summary>
    /// The variable itself in the mapped page, for in-place updates (<c>Interlocked.Increment(ref g.Ref)</c>, a
    /// field of a struct). The reference must not outlive the object: after Dispose the page is gone.
    /// </summary>
    /// <exception cref="InvalidOperationException">The variable is read-only or its section is not mapped.</exception>
    public ref T Ref => ref (Region ?? throw new InvalidOperationException($"Global '{Name}' is not mmap'ed (the kernel refused BPF_F_MMAPABLE); use Value.")).Ref<T>(Variable.Offset);

    public override string ToString() => $"{Name} ({Variable.Section}+{Variable.Offset}) = {Value}";

    private GlobalDataRegion? Region
    {
        get
        {
            if (!resolved)
            {
                region = globals.Region(Variable.Section);
                resolved = true;
            }
            return region;
        }
    }
}
