using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Diagnostics;

/// <summary>
/// Every diagnostic BpfSharp reports, in one place. IDs are never reused; each has a page
/// docs/diagnostics/BPFxxxx.md with a bad example and its fix.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpBase = "https://github.com/bpfsharp/bpfsharp/blob/main/docs/diagnostics/";

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");

    /// <summary>BPF0001: "'{0}' cannot be compiled to eBPF: {1}"</summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error("BPF0001", "BpfSharp.Language",
        "Construct outside the compilable subset", "'{0}' cannot be compiled to eBPF: {1}");

    /// <summary>BPF0002: "The class '{0}' of a [BpfProgram] method must be 'static partial'"</summary>
    public static readonly DiagnosticDescriptor ClassNotStaticPartial = Error("BPF0002", "BpfSharp.Program",
        "Program class must be static partial", "The class '{0}' of a [BpfProgram] method must be 'static partial' so the generator can add its loader");

    /// <summary>BPF0003: "[BpfProgram] method '{0}' needs a program-type attribute such as [RawTracepoint(\"sys_enter\")]"</summary>
    public static readonly DiagnosticDescriptor MissingProgramType = Error("BPF0003", "BpfSharp.Program",
        "Program type missing", "[BpfProgram] method '{0}' needs exactly one program-type attribute, such as [RawTracepoint(\"sys_enter\")]");

    /// <summary>BPF0004: "Program '{0}' must be 'static {1} {0}({2} ctx)'"</summary>
    public static readonly DiagnosticDescriptor BadProgramSignature = Error("BPF0004", "BpfSharp.Program",
        "Program signature does not fit its attribute", "Program '{0}' must be declared 'static {1} {0}({2} ctx)' for its program type");

    /// <summary>BPF0005: "Bpf.Printk takes a format literal and at most 3 arguments; this call has {0}"</summary>
    public static readonly DiagnosticDescriptor PrintkArguments = Error("BPF0005", "BpfSharp.Helpers",
        "Bpf.Printk misuse", "Bpf.Printk takes a string literal format and at most 3 arguments; {0}");

    /// <summary>BPF0006: "The loop in '{0}' has no bound the compiler can prove; ..."</summary>
    public static readonly DiagnosticDescriptor UnboundedLoop = Error("BPF0006", "BpfSharp.Language",
        "Loop without a provable bound", "This loop has no bound the compiler can prove: {0}. Use a for loop over a constant range or add a constant iteration limit.");

    /// <summary>BPF0007: "'{0}' needs {1} bytes of stack; eBPF allows {2}. Largest: {3}. ..."</summary>
    public static readonly DiagnosticDescriptor StackTooLarge = Error("BPF0007", "BpfSharp.Language",
        "Stack frame too large", "'{0}' needs {1} bytes of stack; eBPF allows {2}. Largest: {3}. Keep large values in a per-CPU array map, or move parts that are not needed at the same time into separate [MethodImpl(MethodImplOptions.NoInlining)] methods.");

    /// <summary>BPF0008: "'{0}' calls itself (directly or through '{1}'); eBPF forbids recursion"</summary>
    public static readonly DiagnosticDescriptor Recursion = Error("BPF0008", "BpfSharp.Language",
        "Recursive call", "'{0}' calls itself (directly or through '{1}'); eBPF forbids recursion");

    /// <summary>BPF0150: "The map field '{0}' must be 'static readonly'"</summary>
    public static readonly DiagnosticDescriptor MapNotReadonly = Error("BPF0150", "BpfSharp.Maps",
        "Map field must be static readonly", "The map field '{0}' must be 'static readonly': the kernel creates the map once, at load");

    /// <summary>BPF0151: "The map '{0}' must be created in its declaration with constant arguments, e.g. new {1}(maxEntries: 1024)"</summary>
    public static readonly DiagnosticDescriptor MapInitializer = Error("BPF0151", "BpfSharp.Maps",
        "Map needs a constant initializer", "The map '{0}' must be created in its declaration with constant arguments, e.g. = new {1}(maxEntries: 1024)");

    /// <summary>BPF0152: "'{0}' cannot be the {1} of map '{2}': {3}"</summary>
    public static readonly DiagnosticDescriptor MapTypeLayout = Error("BPF0152", "BpfSharp.Maps",
        "Map key or value type has no kernel layout", "'{0}' cannot be the {1} of map '{2}': {3}");

    /// <summary>BPF0153: "The map '{0}' cannot be created: {1}"</summary>
    public static readonly DiagnosticDescriptor BadMapDefinition = Error("BPF0153", "BpfSharp.Maps",
        "Map definition the kernel rejects", "The map '{0}' cannot be created: {1}");

    /// <summary>BPF0154: "The global '{0}' must be initialized with a constant (or not at all) to live in a data section"</summary>
    public static readonly DiagnosticDescriptor GlobalInitializer = Error("BPF0154", "BpfSharp.Maps",
        "Global needs a constant initializer", "The global '{0}' must be initialized with a constant (or not at all) to live in a data section");

    /// <summary>BPF0155: "'{0}' belongs to '{1}'; a program can use only the maps and globals of its own class"</summary>
    public static readonly DiagnosticDescriptor ForeignMapOrGlobal = Error("BPF0155", "BpfSharp.Maps",
        "Map or global of another class", "'{0}' belongs to '{1}'; a program can use only the maps and globals of its own class");

    /// <summary>BPF0156: "'{0}' exists only in the CLR twin of the map; programs cannot call it"</summary>
    public static readonly DiagnosticDescriptor ClrOnlyMapMember = Error("BPF0156", "BpfSharp.Maps",
        "CLR-only map member", "'{0}' exists only in the CLR twin of the map; programs cannot call it");
    /// <summary>BPF0100: "The tracepoint fields type '{0}' of '{1}' must be a struct of the event's fields"</summary>
    public static readonly DiagnosticDescriptor TracepointFieldsNotStruct = Error("BPF0100", "BpfSharp.Program",
        "Tracepoint fields type is not a struct", "The tracepoint fields type '{0}' of '{1}' must be a struct declaring the event's fields after the common header");

    /// <summary>BPF0200: "'{0}' may be null here (a map lookup or ring buffer reservation returns null when it fails); compare it with null first, e.g. 'if ({0} == null) return 0;'"</summary>
    public static readonly DiagnosticDescriptor MaybeNullDereference = Error("BPF0200", "BpfSharp.Verifier",
        "Pointer used without a null check", "'{0}' may be null here (a map lookup or ring buffer reservation returns null when it fails); compare it with null first, e.g. 'if ({0} == null) return 0;'");

    /// <summary>BPF0201: "'{0}' reads packet bytes up to offset {1}, but this path only proves {2} bytes lie before DataEnd; check first, e.g. 'if ({3} > ctx.DataEnd) return ...;'"</summary>
    public static readonly DiagnosticDescriptor PacketOutOfBounds = Error("BPF0201", "BpfSharp.Verifier",
        "Packet access without a bounds check", "'{0}' reads packet bytes up to offset {1}, but on this path only {2} bytes are proven to lie before DataEnd; check first, e.g. 'if ({3} > ctx.DataEnd) return ...;'");

    /// <summary>BPF0202: "'{0}' calls the helper {1}, which {2} programs may not call; {3}"</summary>
    public static readonly DiagnosticDescriptor HelperNotAllowed = Error("BPF0202", "BpfSharp.Verifier",
        "Helper not allowed for this program type", "'{0}' calls the helper {1}, which {2} programs may not call; {3}");

    /// <summary>BPF0203: "'{0}' calls the GPL-only helper {1}, but the license '{2}' is not GPL-compatible; ..."</summary>
    public static readonly DiagnosticDescriptor GplOnlyHelper = Error("BPF0203", "BpfSharp.Verifier",
        "GPL-only helper in a non-GPL program", "'{0}' calls the GPL-only helper {1}, but the class's license '{2}' is not GPL-compatible; declare [BpfLicense(\"GPL\")] (or \"Dual MIT/GPL\", \"Dual BSD/GPL\") or avoid the helper");

    /// <summary>BPF0009: "'{0}' would throw on overflow; eBPF cannot throw, so checked arithmetic is not supported"</summary>
    public static readonly DiagnosticDescriptor CheckedArithmetic = Error("BPF0009", "BpfSharp.Language",
        "Checked arithmetic", "'{0}' would throw on overflow; eBPF cannot throw, so checked arithmetic and conversions are not supported (use unchecked)");

    /// <summary>BPF0010: "'{0}' is too large for cpu v3: a jump spans more than 32767 instructions"</summary>
    public static readonly DiagnosticDescriptor JumpOutOfRange = Error("BPF0010", "BpfSharp.Language",
        "Jump out of range for cpu v3", "'{0}' is too large for cpu v3: a jump spans more than 32767 instructions. Split it into subprograms or set <BpfSharpCpu>v4</BpfSharpCpu> (kernel 6.6+).");

    /// <summary>BPF0011: "'{0}' {1}; the kernel loads at most 1,000,000 instructions per program (E2BIG). {2}"</summary>
    public static readonly DiagnosticDescriptor ProgramTooLarge = Error("BPF0011", "BpfSharp.Language",
        "Program over the kernel's instruction limit", "'{0}' {1}; the kernel loads at most 1,000,000 instructions per program (E2BIG). {2}");

    /// <summary>BPF0012: "'{0}' is {1} instructions long ...: an unprivileged process may load {2} programs only up to 4096 instructions ..."</summary>
    public static readonly DiagnosticDescriptor NeedsPrivilegedLoad = new("BPF0012",
        "Program too long for an unprivileged loader",
        "'{0}' is {1} instructions long with the subprograms it calls: a process without CAP_BPF may load {2} programs only up to 4096 instructions (E2BIG), so this one needs a privileged loader. Shorten it, or suppress BPF0012 if it is always loaded with CAP_BPF.",
        "BpfSharp.Program", DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "BPF0012.md");

    /// <summary>BPF9999: "BpfSharp failed internally while compiling '{0}': {1}"</summary>
    public static readonly DiagnosticDescriptor InternalError = Error("BPF9999", "BpfSharp.Internal",
        "Internal compiler error", "BpfSharp failed internally while compiling '{0}': {1}. Please report it with this program.");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = typeof(DiagnosticDescriptors)
        .GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}
