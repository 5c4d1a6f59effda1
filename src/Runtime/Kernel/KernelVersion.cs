using System;
using System.Globalization;
using System.Text;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>The running kernel's version, from uname(2), for feature messages and version gates.</summary>
public readonly record struct KernelVersion(int Major, int Minor, int Patch) : IComparable<KernelVersion>
{
    private static readonly Lazy<string> release = new(ReadRelease);

    /// <summary>The full release string, as <c>uname -r</c> prints it (e.g. <c>6.18.44-fc-v657</c>).</summary>
    public static string Release => release.Value;

    public static KernelVersion Current => Parse(Release);

    /// <summary>Reads the leading <c>major.minor[.patch]</c> of a release string; anything after it is ignored.</summary>
    public static KernelVersion Parse(string release)
    {
        Span<int> parts = stackalloc int[3];
        int index = 0, position = 0;
        while (index < 3)
        {
            int start = position;
            while (position < release.Length && char.IsAsciiDigit(release[position]))
                position++;
            if (position == start)
                break;
            parts[index++] = int.Parse(release.AsSpan(start, position - start), CultureInfo.InvariantCulture);
            if (position >= release.Length || release[position] != '.')
                break;
            position++;
        }
        if (index < 2)
            throw new FormatException($"'{release}' is not a kernel release (expected major.minor).");
        return new KernelVersion(parts[0], parts[1], parts[2]);
    }

    public int CompareTo(KernelVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator <(KernelVersion left, KernelVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(KernelVersion left, KernelVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(KernelVersion left, KernelVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(KernelVersion left, KernelVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    private static unsafe string ReadRelease()
    {
        // struct utsname on Linux: six fields of 65 bytes; release is the third.
        const int FieldLength = 65;
        byte* buffer = stackalloc byte[FieldLength * 6];
        if (Libc.Uname(buffer) != 0)
            return "unknown";
        var field = new ReadOnlySpan<byte>(buffer + 2 * FieldLength, FieldLength);
        int end = field.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? field : field[..end]);
    }
}
