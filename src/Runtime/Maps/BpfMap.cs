using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// A kernel map seen as bytes: keys and values are spans of exactly <see cref="KeySize"/> and
/// <see cref="ValueSize"/> bytes (per-CPU maps: <see cref="ValueBufferSize"/>). The typed views wrap one of these.
/// </summary>
public sealed partial class BpfMap : IDisposable
{
    private BpfMap(BpfFd fd, MapSpec spec)
    {
        Fd = fd;
        Spec = spec;
        if (spec.Type.IsPerCpu())
        {
            PerCpuStride = (int)((spec.ValueSize + 7) & ~7u);
            ValueBufferSize = PerCpuStride * PossibleCpus.Count;
        }
        else
        {
            ValueBufferSize = (int)spec.ValueSize;
        }
        brief = spec.Type.HasBriefElementOps() && spec.KeySize <= BriefCopyLimit && ValueBufferSize <= BriefCopyLimit;
    }

    /// <summary>Keys and values up to a page: the kernel's copies of them stay short.</summary>
    private const int BriefCopyLimit = 4096;

    /// <summary>Element operations may skip the GC transition (<see cref="MapTypeFacts.HasBriefElementOps"/>, small copies).</summary>
    private readonly bool brief;

    public BpfFd Fd { get; }

    /// <summary>The spec the map was created from, or read back from the kernel for an opened pin.</summary>
    public MapSpec Spec { get; }

    public string Name => Spec.Name;

    public MapType Type => Spec.Type;

    public int KeySize => (int)Spec.KeySize;

    public int ValueSize => (int)Spec.ValueSize;

    public uint MaxEntries => Spec.MaxEntries;

    /// <summary>
    /// Bytes of a value as the host exchanges it: the value size, or for per-CPU maps one slot per possible CPU, each
    /// rounded up to 8 bytes as the kernel copies them.
    /// </summary>
    public int ValueBufferSize { get; }

    /// <summary>Bytes between CPUs' values in a per-CPU buffer; 0 for other maps.</summary>
    public int PerCpuStride { get; }

    /// <summary>Where the map is pinned, if this process pinned or opened it by path.</summary>
    public string? PinnedPath { get; private set; }

    /// <summary>BPF_MAP_CREATE from <paramref name="spec"/>, without BTF.</summary>
    public static BpfMap Create(MapSpec spec) => Create(spec, btf: null);

    internal static unsafe BpfMap Create(MapSpec spec, BpfFd? btf)
    {
        ArgumentNullException.ThrowIfNull(spec);
        BpfMap? inner = spec.InnerMap is { } innerSpec ? Create(innerSpec with { Name = spec.Name + "_inner" }) : null;
        try
        {
            bool useBtf = btf is not null && (spec.BtfKeyTypeId != 0 || spec.BtfValueTypeId != 0);
            var fd = TryCreate(spec, useBtf ? btf : null, inner, out int errno);
            // Kernels refuse BTF they cannot check for some map types; the map itself works without it.
            if (fd is null && useBtf && errno != Errno.EPERM)
                fd = TryCreate(spec, null, inner, out errno);
            if (fd is null)
                throw BpfSyscall.Failure(BpfCommand.MapCreate, errno, $"creating {spec}.");
            return new BpfMap(fd, spec);
        }
        finally
        {
            inner?.Dispose();
        }
    }

    private static unsafe BpfFd? TryCreate(MapSpec spec, BpfFd? btf, BpfMap? inner, out int errno)
    {
        var attr = new MapCreateAttr
        {
            MapType = (uint)spec.Type,
            KeySize = spec.KeySize,
            ValueSize = spec.ValueSize,
            MaxEntries = spec.MaxEntries,
            MapFlags = (uint)spec.Flags,
            NumaNode = spec.NumaNode,
            MapExtra = spec.MapExtra,
            InnerMapFd = inner is null ? 0 : (uint)inner.Fd.Value,
        };
        if (btf is not null)
        {
            attr.BtfFd = (uint)btf.Value;
            attr.BtfKeyTypeId = spec.BtfKeyTypeId;
            attr.BtfValueTypeId = spec.BtfValueTypeId;
        }
        ObjectName.Write(spec.Name, attr.MapName);
        long fd = BpfSyscall.TryInvoke(BpfCommand.MapCreate, ref attr, out errno);
        return fd < 0 ? null : new BpfFd((int)fd);
    }

    /// <summary>Wraps an fd this process already owns (e.g. from BPF_MAP_GET_FD_BY_ID); the spec is read from the kernel.</summary>
    public static BpfMap FromFd(BpfFd fd)
    {
        var info = ReadInfo(fd);
        return new BpfMap(fd, new MapSpec
        {
            Name = info.Name,
            Type = info.Type,
            KeySize = info.KeySize,
            ValueSize = info.ValueSize,
            MaxEntries = info.MaxEntries,
            Flags = info.Flags,
            MapExtra = info.MapExtra,
        });
    }

    /// <summary>
    /// Opens the map with kernel id <paramref name="id"/> (BPF_MAP_GET_FD_BY_ID; needs CAP_SYS_ADMIN), e.g. an inner
    /// map a map of maps holds.
    /// </summary>
    /// <exception cref="BpfException">ENOENT when no map has that id (any more).</exception>
    public static BpfMap FromId(uint id)
    {
        var attr = new GetFdByIdAttr { Id = id };
        var fd = BpfSyscall.InvokeForFd(BpfCommand.MapGetFdById, ref attr);
        try
        {
            return FromFd(fd);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>Queried from the kernel on each access.</summary>
    public MapInfo Info => ReadInfo(Fd);

    private static unsafe MapInfo ReadInfo(BpfFd fd)
    {
        var info = ObjectInfo.Get<BpfMapInfo>(fd);
        return new MapInfo
        {
            Type = (MapType)info.Type,
            Id = info.Id,
            Name = ObjectName.Read(info.Name),
            KeySize = info.KeySize,
            ValueSize = info.ValueSize,
            MaxEntries = info.MaxEntries,
            Flags = (MapFlags)info.MapFlags,
            BtfId = info.BtfId,
            BtfKeyTypeId = info.BtfKeyTypeId,
            BtfValueTypeId = info.BtfValueTypeId,
            MapExtra = info.MapExtra,
        };
    }

    public void Dispose() => Fd.Dispose();

    public override string ToString() => $"{Spec} {Fd}";
}
