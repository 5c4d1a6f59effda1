using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

public sealed partial class BpfMap
{
    /// <summary>BPF_MAP_LOOKUP_ELEM: copies the value of <paramref name="key"/> into <paramref name="value"/>; false if absent.</summary>
    public bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value, ulong flags = 0)
    {
        CheckKey(key);
        CheckValue(value);
        return Element(BpfCommand.MapLookupElem, key, value, flags, absentIsFalse: true);
    }

    /// <summary>BPF_MAP_UPDATE_ELEM with <paramref name="flags"/>.</summary>
    /// <exception cref="BpfException">EEXIST for <see cref="MapUpdateFlags.NoExist"/> on a present key, ENOENT for <see cref="MapUpdateFlags.Exist"/> on a missing one, E2BIG when full.</exception>
    public void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        CheckKey(key);
        CheckValue(value);
        Element(BpfCommand.MapUpdateElem, key, value, (ulong)flags, absentIsFalse: false);
    }

    /// <summary>BPF_MAP_DELETE_ELEM; false if the key was absent.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        return Element(BpfCommand.MapDeleteElem, key, default, 0, absentIsFalse: true);
    }

    /// <summary>BPF_MAP_LOOKUP_AND_DELETE_ELEM (queue/stack pop, hash take); false if absent or empty.</summary>
    public bool TryLookupAndDelete(ReadOnlySpan<byte> key, Span<byte> value)
    {
        CheckKey(key);
        CheckValue(value);
        return Element(BpfCommand.MapLookupAndDeleteElem, key, value, 0, absentIsFalse: true);
    }

    /// <summary>
    /// BPF_MAP_GET_NEXT_KEY: the key after <paramref name="key"/> (an empty span asks for the first) into
    /// <paramref name="nextKey"/>; false at the end.
    /// </summary>
    public unsafe bool TryGetNextKey(ReadOnlySpan<byte> key, Span<byte> nextKey)
    {
        if (!key.IsEmpty)
            CheckKey(key);
        if (nextKey.Length != KeySize)
            throw new ArgumentException($"{Name}: next key buffer must be {KeySize} bytes, got {nextKey.Length}.", nameof(nextKey));
        using var lease = Fd.Lease();
        fixed (byte* k = key)
        fixed (byte* n = nextKey)
        {
            var attr = new MapElemAttr { MapFd = lease.Unsigned, Key = key.IsEmpty ? 0 : (ulong)k, NextKey = (ulong)n };
            if (BpfSyscall.TryInvoke(BpfCommand.MapGetNextKey, ref attr, out int errno) >= 0)
                return true;
            if (errno == Errno.ENOENT)
                return false;
            throw BpfSyscall.Failure(BpfCommand.MapGetNextKey, errno, $"on {this}.");
        }
    }

    /// <summary>BPF_MAP_FREEZE: from now on the host cannot write the map (programs still can unless the map is read-only for them).</summary>
    public void Freeze()
    {
        using var lease = Fd.Lease();
        var attr = new MapFreezeAttr { MapFd = lease.Unsigned };
        if (BpfSyscall.TryInvoke(BpfCommand.MapFreeze, ref attr, out int errno) < 0)
            throw BpfSyscall.Failure(BpfCommand.MapFreeze, errno, $"on {this}.");
    }

    private unsafe bool Element(BpfCommand command, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ulong flags, bool absentIsFalse)
    {
        using var lease = Fd.Lease();
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            var attr = new MapElemAttr { MapFd = lease.Unsigned, Key = (ulong)k, Value = (ulong)v, Flags = flags };
            if (BpfSyscall.TryInvoke(command, ref attr, out int errno) >= 0)
                return true;
            if (absentIsFalse && errno == Errno.ENOENT)
                return false;
            throw BpfSyscall.Failure(command, errno, $"on {this}.");
        }
    }

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
