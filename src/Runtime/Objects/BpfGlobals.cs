using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

/// <summary>
/// The global variables of a loaded object, read and written while programs run. Each section's map is mmap'ed
/// on first access (libbpf's way: BPF_F_MMAPABLE arrays), so reads and writes are plain memory accesses; .rodata is
/// frozen and mapped read-only. Where the kernel refused BPF_F_MMAPABLE, the same calls go through
/// BPF_MAP_LOOKUP_ELEM/UPDATE_ELEM. Mappings are undone when the object is disposed.
/// </summary>
public sealed class BpfGlobals
{
    private readonly ObjectSpec spec;
    private readonly Func<string, BpfMap> map;
    private readonly Dictionary<string, GlobalDataRegion?> regions = new(StringComparer.Ordinal);
    private bool unmapped;

    internal BpfGlobals(ObjectSpec spec, Func<string, BpfMap> map)
    {
        this.spec = spec;
        this.map = map;
    }

    public IReadOnlyList<GlobalVariable> Variables => spec.Variables;

    /// <summary>A typed handle on <paramref name="name"/>, resolved once: keep it to read and write the variable often.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is larger than the variable.</exception>
    public BpfGlobal<T> Variable<T>(string name)
        where T : unmanaged
    {
        var variable = spec.Variable(name);
        if (Unsafe.SizeOf<T>() > variable.Size)
            throw new ArgumentException($"Variable '{name}' has {variable.Size} bytes; {typeof(T).Name} needs {Unsafe.SizeOf<T>()}.", nameof(T));
        return new BpfGlobal<T>(this, variable, IsFrozen(variable.Section));
    }

    /// <summary>Whether <paramref name="section"/> (.data, .bss, .rodata…) is read and written through an mmap'ed page rather than syscalls.</summary>
    public bool IsMapped(string section) => Region(section) is not null;

    /// <summary>The current bytes of <paramref name="name"/>.</summary>
    public byte[] ReadBytes(string name)
    {
        var variable = spec.Variable(name);
        var bytes = new byte[variable.Size];
        Read(variable, bytes);
        return bytes;
    }

    public T Read<T>(string name)
        where T : unmanaged
    {
        var variable = spec.Variable(name);
        if (Unsafe.SizeOf<T>() > variable.Size)
            throw new ArgumentException($"Variable '{name}' has {variable.Size} bytes; {typeof(T).Name} needs {Unsafe.SizeOf<T>()}.");
        T value = default;
        Read(variable, MemoryMarshal.AsBytes(new Span<T>(ref value)));
        return value;
    }

    /// <summary>
    /// Writes <paramref name="name"/>: in place when mapped. Without a mapping the section's value is read, patched
    /// and written back, so a program writing another variable of the same section at that moment can lose its write.
    /// </summary>
    /// <exception cref="BpfException">EPERM: the variable is in frozen .rodata.</exception>
    public void WriteBytes(string name, ReadOnlySpan<byte> bytes)
    {
        var variable = spec.Variable(name);
        if (bytes.Length > variable.Size)
            throw new ArgumentException($"Variable '{name}' has {variable.Size} bytes; got {bytes.Length}.", nameof(bytes));
        Write(variable, bytes);
    }

    public void Write<T>(string name, T value)
        where T : unmanaged => WriteBytes(name, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    internal void Read(GlobalVariable variable, Span<byte> destination)
    {
        if (Region(variable.Section) is { } region)
        {
            region.CopyTo(variable.Offset, destination);
            return;
        }
        var section = map(variable.Section);
        Span<byte> value = section.ValueSize <= 1024 ? stackalloc byte[section.ValueSize] : new byte[section.ValueSize];
        section.TryLookup(stackalloc byte[4], value);
        value.Slice(variable.Offset, destination.Length).CopyTo(destination);
    }

    /// <summary>Frozen sections are written through the syscall too, so the kernel's EPERM is what the caller sees.</summary>
    internal void Write(GlobalVariable variable, ReadOnlySpan<byte> bytes)
    {
        if (Region(variable.Section) is { ReadOnly: false } region)
        {
            region.CopyFrom(variable.Offset, bytes);
            return;
        }
        var section = map(variable.Section);
        Span<byte> key = stackalloc byte[4];
        Span<byte> value = section.ValueSize <= 1024 ? stackalloc byte[section.ValueSize] : new byte[section.ValueSize];
        section.TryLookup(key, value);
        bytes.CopyTo(value[variable.Offset..]);
        section.Update(key, value);
    }

    /// <summary>The mapping of <paramref name="section"/>, made on first use; null where the map cannot be mapped.</summary>
    internal GlobalDataRegion? Region(string section)
    {
        lock (regions)
        {
            ObjectDisposedException.ThrowIf(unmapped, this);
            if (!regions.TryGetValue(section, out var region))
            {
                region = GlobalDataRegion.TryMap(map(section), IsFrozen(section));
                regions.Add(section, region);
            }
            return region;
        }
    }

    /// <summary>Unmaps every section; called by the owning object's Dispose before its maps close.</summary>
    internal void Unmap()
    {
        lock (regions)
        {
            unmapped = true;
            foreach (var region in regions.Values)
                region?.Dispose();
            regions.Clear();
        }
    }

    /// <summary>.rodata: frozen at load, BPF_F_RDONLY_PROG for programs; the host maps it read-only.</summary>
    private bool IsFrozen(string section)
    {
        foreach (var objectMap in spec.ObjectMaps)
            if (objectMap.Spec.Name == section)
                return objectMap.Spec.Freeze || objectMap.Spec.Flags.HasFlag(MapFlags.ReadOnlyProgram);
        return false;
    }
}
