using System;
using System.Text;

namespace BpfSharp.Runtime.Interop;

/// <summary>Kernel object names: at most 15 bytes of [A-Za-z0-9_.] plus NUL, or the load fails with EINVAL.</summary>
internal static class ObjectName
{
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, BpfAttrConstants.ObjectNameLength - 1));
        foreach (char c in name)
        {
            if (builder.Length == BpfAttrConstants.ObjectNameLength - 1)
                break;
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '_');
        }
        return builder.ToString();
    }

    /// <summary>Writes the sanitized name NUL-terminated into a BPF_OBJ_NAME_LEN field.</summary>
    public static unsafe void Write(string name, byte* destination)
    {
        var span = new Span<byte>(destination, BpfAttrConstants.ObjectNameLength);
        span.Clear();
        Encoding.ASCII.GetBytes(Sanitize(name), span);
    }

    public static unsafe string Read(byte* source)
    {
        var span = new ReadOnlySpan<byte>(source, BpfAttrConstants.ObjectNameLength);
        int end = span.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? span : span[..end]);
    }

    /// <summary>UTF-8 with a terminating NUL, for pointer fields that take C strings.</summary>
    public static byte[] CString(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
