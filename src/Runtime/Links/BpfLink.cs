using System;

namespace BpfSharp.Runtime;

/// <summary>
/// A program attached to a hook. Disposing the link detaches the program, unless the link was pinned in bpffs.
/// Concrete link kinds stay internal; the attach calls on <see cref="BpfProgram"/> hand out this type.
/// </summary>
public sealed class BpfLink : IDisposable
{
    internal BpfLink(BpfFd fd, string description)
    {
        Fd = fd;
        Description = description;
    }

    public BpfFd Fd { get; }

    /// <summary>What the link attaches, e.g. <c>raw_tracepoint:sys_enter</c>.</summary>
    public string Description { get; }

    /// <summary>Keeps the attachment alive after the process exits; remove the file to detach.</summary>
    public void Pin(string path) => BpfFs.Pin(Fd, path);

    public void Dispose() => Fd.Dispose();

    public override string ToString() => $"link {Description} {Fd}";
}
