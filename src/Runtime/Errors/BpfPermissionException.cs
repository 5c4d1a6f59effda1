namespace BpfSharp.Runtime;

/// <summary>The kernel refused with EPERM; the message says which privilege is missing.</summary>
public sealed class BpfPermissionException : BpfException
{
    public BpfPermissionException(string command, int errno, string reason)
        : base(command, errno, reason)
    {
        Reason = reason;
    }

    /// <summary>One sentence a user can act on.</summary>
    public string Reason { get; }
}
