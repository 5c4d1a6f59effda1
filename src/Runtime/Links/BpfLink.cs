using System;

namespace BpfSharp.Runtime;

/// <summary>
/// A program attached to a hook. Disposing the link detaches the program, unless the link was pinned in bpffs.
/// Concrete link kinds stay internal; the attach calls on <see cref="BpfProgram"/> hand out this type. Hooks
/// attached without a kernel link (a socket filter, XDP through netlink) detach through their own mechanism and
/// cannot be pinned.
/// </summary>
public sealed class BpfLink : IDisposable
{
    private readonly BpfFd? _fd;
    // Some links need a second fd kept open for their lifetime (the perf event under a perf link).
    private readonly BpfFd? _companion;
    private IDisposable? _attachment;

    // A link standing for several kernel links (one per CPU) owns the others.
    private readonly IDisposable[] owned = [];

    internal BpfLink(BpfFd fd, string description, BpfFd? companion = null)
    {
        _fd = fd;
        Description = description;
        _companion = companion;
    }

    internal BpfLink(BpfFd fd, string description, IDisposable[] owned)
        : this(fd, description)
    {
        this.owned = owned;
    }

    /// <summary>An attachment that is not a kernel link object; disposing <paramref name="attachment"/> detaches.</summary>
    internal BpfLink(IDisposable attachment, string description)
    {
        _attachment = attachment;
        Description = description;
    }

    /// <summary>The link's descriptor.</summary>
    /// <exception cref="InvalidOperationException">The program was attached without a kernel link.</exception>
    public BpfFd Fd => _fd ?? throw new InvalidOperationException($"{Description} was attached without a BPF link, so it has no link descriptor.");

    /// <summary>Whether this is a kernel BPF link (which has a descriptor and can be pinned).</summary>
    public bool IsKernelLink => _fd is not null;

    /// <summary>What the link attaches, e.g. <c>raw_tracepoint:sys_enter</c>.</summary>
    public string Description { get; }

    /// <summary>Keeps the attachment alive after the process exits; remove the file to detach.</summary>
    public void Pin(string path) => BpfFs.Pin(Fd, path);

    public void Dispose()
    {
        _fd?.Dispose();
        _companion?.Dispose();
        System.Threading.Interlocked.Exchange(ref _attachment, null)?.Dispose();
        foreach (var o in owned)
            o.Dispose();
    }

    public override string ToString() => _fd is null ? $"link {Description}" : $"link {Description} {_fd}";
}
