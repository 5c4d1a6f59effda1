using System;

namespace BpfSharp.Runtime;

/// <summary>
/// A program attached to a hook. Disposing the link detaches the program, unless the link was pinned in bpffs.
/// Concrete link kinds stay internal; the attach calls on <see cref="BpfProgram"/> hand out this type.
/// </summary>
public sealed class BpfLink : IDisposable
{
    // Some links need a second fd kept open for their lifetime (the perf event under a perf link).
    private readonly BpfFd? companion;

    // A link standing for several kernel links (one per CPU) owns the others.
    private readonly IDisposable[] owned = [];

    internal BpfLink(BpfFd fd, string description, BpfFd? companion = null)
    {
        Fd = fd;
        Description = description;
        this.companion = companion;
    }

    internal BpfLink(BpfFd fd, string description, IDisposable[] owned)
        : this(fd, description)
    {
        this.owned = owned;
    }

    public BpfFd Fd { get; }

    /// <summary>What the link attaches, e.g. <c>raw_tracepoint:sys_enter</c>.</summary>
    public string Description { get; }

    /// <summary>Keeps the attachment alive after the process exits; remove the file to detach.</summary>
    public void Pin(string path) => BpfFs.Pin(Fd, path);

    public void Dispose()
    {
        Fd.Dispose();
        companion?.Dispose();
        foreach (var o in owned)
            o.Dispose();
    }

    public override string ToString() => $"link {Description} {Fd}";
}
