using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

/// <summary>
/// An eBPF object loaded into the kernel: its BTF, maps (global data included) and programs. Disposing it closes
/// them all; pinned maps stay in bpffs.
/// </summary>
public sealed class BpfObject : IDisposable
{
    private readonly BpfFd? btf;
    private readonly Dictionary<string, BpfMap> maps;
    private readonly Dictionary<string, BpfProgram> programs;

    private BpfObject(ObjectSpec spec, ObjectLoader.Loaded loaded)
    {
        Spec = spec;
        btf = loaded.Btf;
        BtfError = loaded.BtfError;
        maps = loaded.Maps;
        programs = loaded.Programs;
        Globals = new BpfGlobals(spec, Map);
    }

    public ObjectSpec Spec { get; }

    public IReadOnlyCollection<BpfProgram> Programs => programs.Values;

    public IReadOnlyCollection<BpfMap> Maps => maps.Values;

    /// <summary>The global variables (.rodata, .data, .bss) by name.</summary>
    public BpfGlobals Globals { get; }

    /// <summary>Whether the kernel accepted the object's BTF (maps and programs then carry type information).</summary>
    public bool HasBtf => btf is not null;

    /// <summary>Why the object's BTF was not used, when it was not.</summary>
    public string? BtfError { get; }

    /// <summary>Parses <paramref name="elf"/> and loads its maps and programs. On any failure nothing stays loaded.</summary>
    public static BpfObject Load(ReadOnlySpan<byte> elf, BpfLoadOptions? options = null) =>
        Load(ObjectSpec.Parse(elf.ToArray()), options);

    /// <summary>Loads the maps and programs of <paramref name="spec"/>. On any failure nothing stays loaded.</summary>
    public static BpfObject Load(ObjectSpec spec, BpfLoadOptions? options = null) =>
        new(spec, ObjectLoader.Load(spec, options ?? new BpfLoadOptions()));

    /// <summary>The program whose function is named <paramref name="name"/>.</summary>
    public BpfProgram Program(string name) => programs.TryGetValue(name, out var program)
        ? program
        : throw new KeyNotFoundException($"The object has no program '{name}'; it has {string.Join(", ", programs.Keys)}.");

    /// <summary>The map named <paramref name="name"/> (global data: the section name, e.g. <c>.bss</c>).</summary>
    public BpfMap Map(string name) => maps.TryGetValue(name, out var map)
        ? map
        : throw new KeyNotFoundException($"The object has no map '{name}'; it has {string.Join(", ", maps.Keys)}.");

    public void Dispose()
    {
        // Pages of global data first: they must not outlive the maps they show.
        Globals.Unmap();
        foreach (var program in programs.Values)
            program.Dispose();
        foreach (var map in maps.Values)
            map.Dispose();
        btf?.Dispose();
    }
}
