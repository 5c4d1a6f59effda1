using System.Runtime.CompilerServices;

namespace BpfSharp.Runtime.Objects;

/// <summary>
/// The value of one global-data map (.data, .bss, .rodata) mmap'ed into this process, as libbpf's skeletons do: the
/// host reads and writes program globals in place, with no syscall, while programs run. Maps created with
/// BPF_F_MMAPABLE allow it; a frozen map (.rodata) maps read-only, and the kernel refuses a writable mapping of it.
/// Unmapped on <see cref="Dispose"/> (or, if forgotten, on finalization).
/// </summary>
internal sealed unsafe class GlobalDataRegion : IDisposable
{
    private readonly MappedMemory memory;

    private GlobalDataRegion(MappedMemory memory, int length, bool readOnly)
    {
        this.memory = memory;
        Length = length;
        ReadOnly = readOnly;
    }

    /// <summary>
    /// Whether this kernel refused BPF_F_MMAPABLE on a global-data map (before Linux 5.5). Learned by the first load
    /// that needed it and kept for the process, so later loads do not ask again; global data is then read and
    /// written with BPF_MAP_LOOKUP_ELEM/UPDATE_ELEM instead. Tests set it to exercise that path.
    /// </summary>
    internal static bool MmapableRefused { get; set; }

    /// <summary>Bytes of the map's value (the section's size); the mapping itself is whole pages.</summary>
    public int Length { get; }

    /// <summary>The map is frozen (.rodata): the mapping is PROT_READ.</summary>
    public bool ReadOnly { get; }

    /// <summary>Maps <paramref name="map"/>'s value, or returns null when the map was created without BPF_F_MMAPABLE or the kernel refuses.</summary>
    public static GlobalDataRegion? TryMap(BpfMap map, bool readOnly)
    {
        if (!map.Spec.Flags.HasFlag(MapFlags.Mmapable) || map.Type != MapType.Array || map.MaxEntries != 1)
            return null;
        nuint pages = ((nuint)map.ValueSize + (nuint)Environment.SystemPageSize - 1) & ~((nuint)Environment.SystemPageSize - 1);
        try
        {
            return new GlobalDataRegion(MappedMemory.Map(map.Fd, pages, writable: !readOnly, offset: 0), map.ValueSize, readOnly);
        }
        catch (BpfException)
        {
            return null;
        }
    }

    public T Read<T>(int offset)
        where T : unmanaged
    {
        Check(offset, sizeof(T));
        bool added = false;
        try
        {
            memory.DangerousAddRef(ref added);
            return Unsafe.ReadUnaligned<T>(memory.Pointer + offset);
        }
        finally
        {
            if (added)
                memory.DangerousRelease();
        }
    }

    public void Write<T>(int offset, T value)
        where T : unmanaged
    {
        Check(offset, sizeof(T));
        CheckWritable();
        bool added = false;
        try
        {
            memory.DangerousAddRef(ref added);
            Unsafe.WriteUnaligned(memory.Pointer + offset, value);
        }
        finally
        {
            if (added)
                memory.DangerousRelease();
        }
    }

    public void CopyTo(int offset, Span<byte> destination)
    {
        Check(offset, destination.Length);
        bool added = false;
        try
        {
            memory.DangerousAddRef(ref added);
            new ReadOnlySpan<byte>(memory.Pointer + offset, destination.Length).CopyTo(destination);
        }
        finally
        {
            if (added)
                memory.DangerousRelease();
        }
    }

    public void CopyFrom(int offset, ReadOnlySpan<byte> source)
    {
        Check(offset, source.Length);
        CheckWritable();
        bool added = false;
        try
        {
            memory.DangerousAddRef(ref added);
            source.CopyTo(new Span<byte>(memory.Pointer + offset, source.Length));
        }
        finally
        {
            if (added)
                memory.DangerousRelease();
        }
    }

    /// <summary>A reference into the mapping; valid until the region is disposed, which the caller must not outlive.</summary>
    public ref T Ref<T>(int offset)
        where T : unmanaged
    {
        Check(offset, sizeof(T));
        CheckWritable();
        ObjectDisposedException.ThrowIf(memory.IsClosed, this);
        return ref Unsafe.AsRef<T>(memory.Pointer + offset);
    }

    public void Dispose() => memory.Dispose();

    private void Check(int offset, int size)
    {
        if (offset < 0 || size < 0 || offset + size > Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"{size} bytes at {offset} lie outside the {Length}-byte global data.");
    }

    private void CheckWritable()
    {
        if (ReadOnly)
            throw new InvalidOperationException("The section is frozen (.rodata): its mapping is read-only.");
    }
}
