using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

public sealed partial class BpfProgram
{
    /// <summary>The spec this program was loaded from, when it came from an object; null for raw instructions.</summary>
    public ProgramSpec? Spec { get; private set; }

    /// <summary>Loads one program of an object: <paramref name="code"/> is its linked code with map fds filled in.</summary>
    internal static BpfProgram Load(ProgramSpec spec, string license, byte[] code, ProgramLoadOptions options)
    {
        var program = Load(spec.Type, code, license, spec.Name, options);
        program.Spec = spec;
        return program;
    }

    /// <summary>
    /// Attaches the program where its section says (as libbpf's auto-attach does): a <c>raw_tracepoint/NAME</c>
    /// program to raw tracepoint NAME. Dispose the link to detach.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program has no spec, or its section names no attach point.</exception>
    public BpfLink Attach()
    {
        var spec = Spec ?? throw new InvalidOperationException($"{this} was loaded from raw instructions; call a specific Attach method.");
        return spec.Type switch
        {
            ProgramType.RawTracepoint when spec.AttachTarget.Length > 0 => AttachRawTracepoint(spec.AttachTarget),
            _ => throw new InvalidOperationException($"Section '{spec.Section}' of program '{spec.Name}' names no attach point BpfSharp can attach to automatically."),
        };
    }
}
