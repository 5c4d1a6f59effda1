using System;
using System.Globalization;
using System.IO;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>Whether this process may load eBPF programs, and a sentence saying what to do when it may not.</summary>
public static class Privileges
{
    private const int CapSysAdmin = 21;
    private const int CapPerfmon = 38;
    private const int CapBpf = 39;

    /// <summary>True when the process is root or holds CAP_BPF and CAP_PERFMON (or CAP_SYS_ADMIN) effectively.</summary>
    public static bool CanLoadPrograms(out string reason) =>
        Evaluate(ReadEffectiveCapabilities(), Libc.GetEffectiveUserId(), out reason);

    internal static bool Evaluate(ulong effective, uint uid, out string reason)
    {
        bool has(int cap) => (effective & (1UL << cap)) != 0;
        if (has(CapSysAdmin) || (has(CapBpf) && has(CapPerfmon)))
        {
            reason = "";
            return true;
        }
        reason = MissingSentence(effective, uid);
        return false;
    }

    /// <summary>Throws <see cref="BpfPermissionException"/> with the reason unless the process can load programs.</summary>
    public static void EnsureCanLoadPrograms()
    {
        if (!CanLoadPrograms(out var reason))
            throw new BpfPermissionException("BPF_PROG_LOAD", Errno.EPERM, reason);
    }

    /// <summary>The sentence for an EPERM from the kernel: either the missing privileges, or why EPERM came anyway.</summary>
    internal static string DescribeDenied() =>
        CanLoadPrograms(out var reason)
            ? "The process holds the capabilities eBPF needs, yet the kernel refused; kernel lockdown, a seccomp or LSM " +
              "policy, or RLIMIT_MEMLOCK on kernels before 5.11 can cause this."
            : reason;

    private static string MissingSentence(ulong effective, uint uid) =>
        "Loading eBPF programs needs root, or CAP_BPF with CAP_PERFMON (CAP_NET_ADMIN too for networking programs); " +
        $"this process runs as uid {uid} with effective capabilities 0x{effective:x}. " +
        "Run it with sudo or grant the capabilities (setcap cap_bpf,cap_perfmon+ep).";

    private static ulong ReadEffectiveCapabilities()
    {
        try
        {
            // Capabilities are per thread; thread-self is what the kernel checks for this thread's bpf() calls.
            foreach (var line in File.ReadLines(File.Exists("/proc/thread-self/status") ? "/proc/thread-self/status" : "/proc/self/status"))
            {
                if (line.StartsWith("CapEff:", StringComparison.Ordinal))
                    return ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        // Without /proc, fall back to the uid: root normally has every capability.
        return Libc.GetEffectiveUserId() == 0 ? ulong.MaxValue : 0;
    }
}
