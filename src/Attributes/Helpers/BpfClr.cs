using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BpfSharp;

/// <summary>
/// The CLR side of the helpers: what <see cref="Bpf"/> does when a program runs as plain .NET.
/// Tests set the inputs (time, pid, ...) and read the outputs (the trace lines).
/// </summary>
public static partial class BpfClr
{
    [ThreadStatic] private static List<string>? s_trace;
    [ThreadStatic] private static uint s_random;

    /// <summary>What <see cref="Bpf.KtimeGetNs"/> returns on this thread.</summary>
    [field: ThreadStatic] public static ulong KtimeNs { get; set; }

    /// <summary>The thread id <see cref="Bpf.GetCurrentPidTgid"/> reports (the kernel's pid) on this thread.</summary>
    [field: ThreadStatic] public static uint Pid { get; set; }

    /// <summary>The process id <see cref="Bpf.GetCurrentPidTgid"/> reports (the kernel's tgid) on this thread.</summary>
    [field: ThreadStatic] public static uint Tgid { get; set; }

    /// <summary>What <see cref="Bpf.GetSmpProcessorId"/> returns on this thread.</summary>
    [field: ThreadStatic] public static uint ProcessorId { get; set; }

    /// <summary>Seeds <see cref="Bpf.GetPrandomU32"/> on this thread, so a test sees a known sequence.</summary>
    public static void SeedRandom(uint seed) => s_random = seed;

    /// <summary>xorshift32: cheap, deterministic for a seed; never returns to 0 once seeded non-zero.</summary>
    internal static uint NextRandom()
    {
        uint x = s_random == 0 ? 0x9e3779b9u : s_random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s_random = x;
        return x;
    }

    /// <summary>Lines written by <see cref="Bpf.Printk(string)"/> on this thread, oldest first.</summary>
    public static List<string> TraceLines => s_trace ??= new List<string>();

    /// <summary>The interface and flags of the last bpf_redirect on this thread.</summary>
    [field: ThreadStatic] public static (uint Ifindex, ulong Flags)? LastRedirect { get; set; }

    internal static long Printk(string format, ulong[] args)
    {
        string line = FormatPrintk(format, args);
        TraceLines.Add(line);
        return Encoding.UTF8.GetByteCount(line);
    }

    /// <summary>Formats the subset of printf that bpf_trace_printk accepts (%d %i %u %x %ld %lld %llu %llx %lu %lx %c %%).</summary>
    public static string FormatPrintk(string format, IReadOnlyList<ulong> args)
    {
        var sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%' || i + 1 >= format.Length) { sb.Append(c); continue; }
            int j = i + 1;
            if (format[j] == '%') { sb.Append('%'); i = j; continue; }
            int longs = 0;
            while (j < format.Length && format[j] == 'l') { longs++; j++; }
            if (j >= format.Length) { sb.Append(format, i, format.Length - i); break; }
            ulong raw = next < args.Count ? args[next] : 0;
            next++;
            bool wide = longs > 0;
            switch (format[j])
            {
                case 'd': case 'i': sb.Append((wide ? (long)raw : (int)raw).ToString(CultureInfo.InvariantCulture)); break;
                case 'u': sb.Append((wide ? raw : (uint)raw).ToString(CultureInfo.InvariantCulture)); break;
                case 'x': sb.Append((wide ? raw : (uint)raw).ToString("x", CultureInfo.InvariantCulture)); break;
                case 'c': sb.Append((char)(byte)raw); break;
                default: sb.Append(format, i, j - i + 1); break;
            }
            i = j;
        }
        return sb.ToString();
    }
}
