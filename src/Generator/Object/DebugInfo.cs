using BpfSharp.Btf;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Object;

/// <summary>
/// FUNC/FUNC_PROTO for every function and the <c>.BTF.ext</c> records that place them: func_info at each function's
/// first instruction and line_info from the compiler's source positions, so the verifier log and bpftool show C# lines.
/// </summary>
internal sealed class DebugInfo
{
    private readonly BtfTypes _btf;

    public DebugInfo(BtfTypes btf)
    {
        _btf = btf;
        Ext = new BtfExtBuilder(btf.Builder);
    }

    public BtfExtBuilder Ext { get; }

    /// <summary>A program: <c>int name(struct ctx *ctx)</c>, global.</summary>
    public void AddProgram(CompiledFunction function, ProgramSpec spec, string section, int slotBase)
    {
        string? context = ContextStruct(spec.Kind);
        uint contextType = context is null ? 0 : _btf.Builder.Add(new BtfForward(context));
        uint proto = _btf.Builder.Add(new BtfFuncProto(_btf.Int, new[] { new BtfParam("ctx", _btf.Builder.AddPointer(contextType)) }));
        Add(function, section, slotBase, _btf.Builder.Add(new BtfFunc(function.Name, proto, BtfFuncLinkage.Global)));
    }

    /// <summary>A BPF-to-BPF callee in <c>.text</c>: static, so the verifier checks it in its callers' context.</summary>
    public void AddSubprogram(CompiledFunction function, string section, int slotBase)
    {
        uint proto = _btf.Builder.Add(new BtfFuncProto(_btf.Builder.AddInt("long", 8, BtfIntEncoding.Signed), System.Array.Empty<BtfParam>()));
        Add(function, section, slotBase, _btf.Builder.Add(new BtfFunc(function.Name, proto, BtfFuncLinkage.Static)));
    }

    private void Add(CompiledFunction function, string section, int slotBase, uint func)
    {
        Ext.AddFunc(section, (uint)(slotBase * Asm.Instruction.Size), func);
        foreach (var line in function.Lines)
            Ext.AddLine(section, (uint)((slotBase + line.Slot) * Asm.Instruction.Size), line.File, line.SourceText, (uint)line.Line, (uint)line.Column);
    }

    /// <summary>The kernel's context struct of a program kind, declared (not defined) so the prototype names it.</summary>
    private static string? ContextStruct(ProgramKind kind) => kind.ToString() switch
    {
        "RawTracepoint" => "bpf_raw_tracepoint_args",
        "Xdp" => "xdp_md",
        "SocketFilter" or "SchedCls" or "Tc" or "CgroupSkb" => "__sk_buff",
        _ => null,
    };
}
