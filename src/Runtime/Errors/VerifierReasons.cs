using System.Text.RegularExpressions;

namespace BpfSharp.Runtime;

/// <summary>The verifier's common refusals, each in one sentence that says what to change in the C# program.</summary>
internal static class VerifierReasons
{
    private static readonly (Regex Pattern, string Advice)[] s_table =
    {
        (new(@"invalid mem access '\w*_or_null'"), "A pointer that may be null (a map lookup or a ring buffer reservation) is used without a null check on this path; compare it with null first (BPF0200)."),
        (new(@"invalid access to packet|offset is outside of the packet"), "The program reads packet bytes that no comparison with DataEnd has proven to exist; check 'data + size > DataEnd' first (BPF0201)."),
        (new(@"program of this type cannot use helper (?<helper>\S+)|unknown func (?<helper>\S+)"), "This program type may not call the helper ${helper} (BPF0202)."),
        (new(@"cannot call GPL-restricted function"), "The helper is GPL-only and the program's license is not GPL-compatible; use [BpfLicense(\"GPL\")] or a dual license (BPF0203)."),
        (new(@"infinite loop detected|back-edge from insn|BPF program is too large|The sequence of \d+ jumps is too complex"), "The verifier could not prove that a loop ends within its instruction budget; bound the loop by a constant (BPF0006)."),
        (new(@"combined stack size|stack depth \d+ exceeds|invalid (write|read) to stack R10 off=-(5[2-9]\d|[6-9]\d\d)"), "The stack frame is larger than the 512 bytes eBPF allows (BPF0007)."),
        (new(@"R\d+ !read_ok"), "A register is read before anything was written to it; this is a BpfSharp code generation bug, please report it."),
        (new(@"invalid mem access 'scalar'|invalid mem access 'inv'"), "The program dereferences a number as if it were a pointer (for example a value read from a context field that is not a pointer)."),
    };

    public static string Explain(string reason)
    {
        foreach (var (pattern, advice) in s_table)
        {
            var match = pattern.Match(reason);
            if (match.Success)
                return match.Result(advice);
        }
        return "The verifier rejected the program: " + reason;
    }
}
