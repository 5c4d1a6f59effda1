using System;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// The BPF_MAP_* commands over raw key and value bytes. A typed map API builds on these; keeping the syscalls
/// here means it never touches <c>bpf_attr</c> itself. The element commands allocate nothing: the attr is built on
/// the stack around pointers to the caller's spans.
/// </summary>
internal static unsafe class MapSyscalls
{
    /// <summary>BPF_ANY / BPF_NOEXIST / BPF_EXIST for updates.</summary>
    public const ulong Any = 0, NoExist = 1, Exist = 2;

    public static BpfFd Create(MapType type, uint keySize, uint valueSize, uint maxEntries, uint flags = 0,
        string name = "", BpfFd? btf = null, uint btfKeyTypeId = 0, uint btfValueTypeId = 0, ulong mapExtra = 0)
    {
        bool btfAdded = false;
        try
        {
            btf?.DangerousAddRef(ref btfAdded);
            var attr = new MapCreateAttr
            {
                MapType = (uint)type,
                KeySize = keySize,
                ValueSize = valueSize,
                MaxEntries = maxEntries,
                MapFlags = flags,
                BtfFd = btf is null ? 0 : (uint)btf.DangerousGetHandle(),
                BtfKeyTypeId = btfKeyTypeId,
                BtfValueTypeId = btfValueTypeId,
                MapExtra = mapExtra,
            };
            ObjectName.Write(name, attr.MapName);
            long fd = BpfSyscall.TryInvoke(BpfCommand.MapCreate, ref attr, out int errno);
            if (fd < 0)
            {
                throw Errno.IsNotSupported(errno)
                    ? new BpfNotSupportedException($"map type {type}")
                    : BpfSyscall.Failure(BpfCommand.MapCreate, errno, $"creating {type} map '{name}' (key {keySize} B, value {valueSize} B, {maxEntries} entries).");
            }
            return new BpfFd((int)fd);
        }
        finally
        {
            if (btfAdded)
                btf!.DangerousRelease();
        }
    }

    /// <summary>Copies the value into <paramref name="value"/>; false when the key is absent.</summary>
    /// <param name="brief">The map's element operations never sleep (<see cref="MapTypeFacts.HasBriefElementOps"/>).</param>
    public static bool TryLookup(BpfFd map, ReadOnlySpan<byte> key, Span<byte> value, ulong flags = 0, bool brief = false) =>
        Elem(BpfCommand.MapLookupElem, map, key, value, flags, Errno.ENOENT, brief);

    public static void Update(BpfFd map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ulong flags = Any, bool brief = false) =>
        Elem(BpfCommand.MapUpdateElem, map, key, value, flags, absentErrno: 0, brief);

    /// <summary>False when the key was absent.</summary>
    public static bool TryDelete(BpfFd map, ReadOnlySpan<byte> key, bool brief = false) =>
        Elem(BpfCommand.MapDeleteElem, map, key, default, 0, Errno.ENOENT, brief);

    /// <summary>The key after <paramref name="key"/> (or the first key when it is empty); false at the end.</summary>
    public static bool TryGetNextKey(BpfFd map, ReadOnlySpan<byte> key, Span<byte> nextKey, bool brief = false) =>
        Elem(BpfCommand.MapGetNextKey, map, key, nextKey, 0, Errno.ENOENT, brief);

    /// <summary>BPF_MAP_FREEZE: userspace can no longer write the map; programs still can.</summary>
    public static void Freeze(BpfFd map)
    {
        using var lease = map.Lease();
        var attr = new MapFreezeAttr { MapFd = lease.Unsigned };
        BpfSyscall.Invoke(BpfCommand.MapFreeze, ref attr);
    }

    public static BpfMapInfo Info(BpfFd map) => ObjectInfo.Get<BpfMapInfo>(map);

    /// <summary>
    /// One element command. <paramref name="value"/> is read or written as the command says (value, or next key for
    /// GET_NEXT_KEY, which shares its slot); an empty key passes a null pointer. Returns false for
    /// <paramref name="absentErrno"/> (0: never), throws for any other failure.
    /// </summary>
    public static bool Elem(BpfCommand command, BpfFd map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ulong flags,
        int absentErrno, bool brief, BpfMap? owner = null)
    {
        using var lease = map.Lease();
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            var attr = new MapElemAttr { MapFd = lease.Unsigned, Key = (ulong)k, Value = (ulong)v, Flags = flags };
            int errno;
            if ((brief ? BpfSyscall.TryInvokeBrief(command, ref attr, out errno) : BpfSyscall.TryInvoke(command, ref attr, out errno)) >= 0)
                return true;
            if (errno == absentErrno)
                return false;
            throw BpfSyscall.Failure(command, errno, owner is null ? null : $"on {owner}.");
        }
    }
}
