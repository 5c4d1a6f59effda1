using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

/// <summary>
/// An eBPF object loaded into the kernel: every program of an ELF object. Disposing it closes them all.
/// </summary>
public sealed class BpfObject : IDisposable
{
    private readonly Dictionary<string, BpfProgram> _programs;

    private BpfObject(ObjectSpec spec, Dictionary<string, BpfProgram> programs)
    {
        Spec = spec;
        _programs = programs;
    }

    public ObjectSpec Spec { get; }

    public IReadOnlyCollection<BpfProgram> Programs => _programs.Values;

    /// <summary>Parses <paramref name="elf"/> and loads each of its programs. On any failure nothing stays loaded.</summary>
    public static BpfObject Load(ReadOnlySpan<byte> elf, BpfLoadOptions? options = null)
    {
        options ??= new BpfLoadOptions();
        var spec = ObjectSpec.Parse(elf.ToArray());
        var programs = new Dictionary<string, BpfProgram>(StringComparer.Ordinal);
        try
        {
            foreach (var program in spec.Programs)
                programs.Add(program.Name, BpfProgram.Load(program, spec.License, options));
        }
        catch
        {
            foreach (var loaded in programs.Values)
                loaded.Dispose();
            throw;
        }
        return new BpfObject(spec, programs);
    }

    /// <summary>The program whose function is named <paramref name="name"/>.</summary>
    public BpfProgram Program(string name) => _programs.TryGetValue(name, out var program)
        ? program
        : throw new KeyNotFoundException($"The object has no program '{name}'; it has {string.Join(", ", _programs.Keys)}.");

    public void Dispose()
    {
        foreach (var program in _programs.Values)
            program.Dispose();
    }
}
