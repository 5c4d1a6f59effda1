using System;

namespace BpfSharp.Runtime;

/// <summary>
/// A program attached to a hook. Disposing the link detaches the program, unless the link was pinned in bpffs.
/// Concrete link kinds stay internal; the attach calls on <see cref="BpfProgram"/> hand out this type.
/// </summary>
public sealed class BpfLink : IDisposable
{
    private readonly IDisposable[] _owned;

    /// <param name="owned">What the link keeps alive and closes after its own fd (perf events, further per-CPU links).</param>
    internal BpfLink(BpfFd fd, string description, params IDisposable[] owned)
    {
        Fd = fd;
        Description = description;
        _owned = owned;
    }

    public BpfFd Fd { get; }

    /// <summary>What the link attaches, e.g. <c>raw_tracepoint:sys_enter</c>.</summary>
    public string Description { get; }

    /// <summary>Keeps the attachment alive after the process exits; remove the file to detach.</summary>
    public void Pin(string path) => BpfFs.Pin(Fd, path);

    public void Dispose()
    {
        Fd.Dispose();
        foreach (var owned in _owned)
            owned.Dispose();
    }

    public override string ToString() => $"link {Description} {Fd}";
}
