using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

public sealed partial class BpfMap
{
    /// <summary>BPF_MAP_LOOKUP_ELEM: copies the value of <paramref name="key"/> into <paramref name="value"/>; false if absent.</summary>
    public bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value, ulong flags = 0)
    {
        CheckKey(key);
        CheckValue(value);
        return MapSyscalls.Elem(BpfCommand.MapLookupElem, Fd, key, value, flags, Errno.ENOENT, brief, this);
    }

    /// <summary>BPF_MAP_UPDATE_ELEM with <paramref name="flags"/>.</summary>
    /// <exception cref="BpfException">EEXIST for <see cref="MapUpdateFlags.NoExist"/> on a present key, ENOENT for <see cref="MapUpdateFlags.Exist"/> on a missing one, E2BIG when full.</exception>
    public void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        CheckKey(key);
        CheckValue(value);
        MapSyscalls.Elem(BpfCommand.MapUpdateElem, Fd, key, value, (ulong)flags, absentErrno: 0, brief, this);
    }

    /// <summary>BPF_MAP_DELETE_ELEM; false if the key was absent.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        return MapSyscalls.Elem(BpfCommand.MapDeleteElem, Fd, key, default, 0, Errno.ENOENT, brief, this);
    }

    /// <summary>BPF_MAP_LOOKUP_AND_DELETE_ELEM (queue/stack pop, hash take); false if absent or empty.</summary>
    public bool TryLookupAndDelete(ReadOnlySpan<byte> key, Span<byte> value)
    {
        CheckKey(key);
        CheckValue(value);
        return MapSyscalls.Elem(BpfCommand.MapLookupAndDeleteElem, Fd, key, value, 0, Errno.ENOENT, brief, this);
    }

    /// <summary>
    /// BPF_MAP_GET_NEXT_KEY: the key after <paramref name="key"/> (an empty span asks for the first) into
    /// <paramref name="nextKey"/>; false at the end.
    /// </summary>
    public bool TryGetNextKey(ReadOnlySpan<byte> key, Span<byte> nextKey)
    {
        if (!key.IsEmpty)
            CheckKey(key);
        if (nextKey.Length != KeySize)
            throw new ArgumentException($"{Name}: next key buffer must be {KeySize} bytes, got {nextKey.Length}.", nameof(nextKey));
        return MapSyscalls.Elem(BpfCommand.MapGetNextKey, Fd, key, nextKey, 0, Errno.ENOENT, brief, this);
    }

    /// <summary>BPF_MAP_FREEZE: from now on the host cannot write the map (programs still can unless the map is read-only for them).</summary>
    public void Freeze() => MapSyscalls.Freeze(Fd);

    private void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
            throw new ArgumentException($"{Name}: key must be {KeySize} bytes, got {key.Length}.", nameof(key));
    }

    private void CheckValue(ReadOnlySpan<byte> value)
    {
        if (value.Length != ValueBufferSize)
            throw new ArgumentException($"{Name}: value must be {ValueBufferSize} bytes, got {value.Length}.", nameof(value));
    }
}
