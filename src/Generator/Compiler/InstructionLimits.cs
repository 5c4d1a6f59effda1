using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler;

/// <summary>
/// The kernel's limits on a program's length, which BPF_PROG_LOAD checks before the verifier runs (E2BIG, no log):
/// BPF_COMPLEXITY_LIMIT_INSNS for a loader with CAP_BPF or CAP_SYS_ADMIN, BPF_MAXINSNS without. The count is what
/// the loader hands over: the program with every subprogram it calls, directly or not, appended.
/// </summary>
internal static class InstructionLimits
{
    public const int Privileged = 1_000_000;

    public const int Unprivileged = 4096;

    /// <summary>
    /// BPF0011 for each program over <see cref="Privileged"/> (dropped from <paramref name="result"/>), BPF0012 for a
    /// program over <see cref="Unprivileged"/> of the only types an unprivileged process may load at all.
    /// </summary>
    public static void Check(CompilationResult result, IReadOnlyList<(IMethodSymbol Method, ProgramSpec Spec)> programs)
    {
        var subprograms = result.Subprograms.ToDictionary(s => s.Name);
        foreach (var (method, spec) in programs)
        {
            int index = result.Programs.FindIndex(p => p.Name == spec.MethodName);
            if (index < 0) continue;
            int length = LoadedLength(result.Programs[index], subprograms);
            var location = method.Locations.Length > 0 ? method.Locations[0] : null;
            if (length > Privileged)
            {
                result.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ProgramTooLarge, location, method.Name,
                    "is " + Count(length) + " instructions long with the subprograms it calls",
                    "Split the work into programs that tail-call each other, or inline less: a method called from many places and marked [MethodImpl(MethodImplOptions.NoInlining)] is appended once."));
                result.Programs.RemoveAt(index);
            }
            else if (length > Unprivileged && UnprivilegedTypeName(spec.Kind) is { } type)
            {
                result.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NeedsPrivilegedLoad, location, method.Name, Count(length), type));
            }
        }
    }

    /// <summary>The instructions the loader gives the kernel for <paramref name="program"/>: it and every function it reaches.</summary>
    public static int LoadedLength(CompiledFunction program, IReadOnlyDictionary<string, CompiledFunction> subprograms)
    {
        var seen = new HashSet<string> { program.Name };
        var work = new Stack<CompiledFunction>();
        work.Push(program);
        int length = 0;
        while (work.Count > 0)
        {
            var function = work.Pop();
            length += function.Code.Length;
            foreach (var call in function.Relocations)
                if (call.Kind == RelocationKind.Call && seen.Add(call.Symbol) && subprograms.TryGetValue(call.Symbol, out var callee))
                    work.Push(callee);
        }
        return length;
    }

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Socket filters and cgroup skb programs are the types bpf_prog_load lets a process without CAP_BPF load.</summary>
    private static string? UnprivilegedTypeName(ProgramKind kind) => kind switch
    {
        ProgramKind.SocketFilter => "socket filter",
        ProgramKind.CgroupSkb => "cgroup skb",
        _ => null,
    };
}
