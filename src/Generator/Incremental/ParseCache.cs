using System.Collections.Generic;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// Parse results by <see cref="ClassKey"/>: the expensive part of the transform runs once per distinct class input.
/// Process-wide, so a compiler server's next build of the same sources finds them too; the keys hold text and
/// metadata identities, never a compilation, syntax or symbol.
/// </summary>
internal static class ParseCache
{
    private const int Capacity = 1024;
    private static readonly Dictionary<ClassKey, ParseResult> s_results = new();
    private static readonly object s_gate = new();

    public static bool TryGet(ClassKey key, out ParseResult result)
    {
        lock (s_gate)
            return s_results.TryGetValue(key, out result!);
    }

    public static void Add(ClassKey key, ParseResult result)
    {
        lock (s_gate)
        {
            if (s_results.Count >= Capacity)
                s_results.Clear();
            s_results[key] = result;
        }
    }
}
