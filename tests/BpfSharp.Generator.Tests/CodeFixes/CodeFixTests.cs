using BpfSharp.CodeFixes;

namespace BpfSharp.Tests.CodeFixes;

/// <summary>The mechanical fixes turn a program the analyses refuse into one the generator compiles without a word.</summary>
public class CodeFixTests
{
    private const string Header = """
        using BpfSharp;

        public static unsafe partial class Fixed
        {
            static readonly HashMap<uint, ulong> Counts = new(maxEntries: 64);

        """;

    [Fact]
    public async Task Null_check_is_inserted_after_the_lookup()
    {
        string fixedSource = await CodeFixHarness.FixAll(new NullCheckCodeFix(), "BPF0200", Header + """
                [BpfProgram, RawTracepoint("sys_enter")]
                public static int Run(RawTracepointContext ctx)
                {
                    ulong* count = Counts.Lookup(1);
                    ulong seen = ctx.Arg(0);
                    return (int)(*count + seen);
                }
            }
            """);
        Assert.Contains("ulong* count = Counts.Lookup(1);\n        if (count == null)\n            return 0;\n        ulong seen", fixedSource.Replace("\r", ""));
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Null_check_in_an_xdp_program_passes_the_packet()
    {
        string fixedSource = await CodeFixHarness.FixAll(new NullCheckCodeFix(), "BPF0200", Header + """
                [BpfProgram, Xdp]
                public static XdpAction Run(XdpContext ctx)
                {
                    ulong* limit = Counts.Lookup(7);
                    return ctx.LoadByte(0) > *limit ? XdpAction.Drop : XdpAction.Pass;
                }
            }
            """);
        Assert.Contains("if (limit == null)", fixedSource);
        Assert.Contains("return XdpAction.Pass;", fixedSource);
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Bounds_check_is_inserted_before_the_packet_read()
    {
        string fixedSource = await CodeFixHarness.FixAll(new PacketBoundsCodeFix(), "BPF0201", Header + """
                [BpfProgram, Xdp]
                public static XdpAction Run(XdpContext ctx)
                {
                    byte* data = ctx.Data;
                    return data[12] == 0x08 ? XdpAction.Drop : XdpAction.Pass;
                }
            }
            """);
        Assert.Contains("if (data + 13 > ctx.DataEnd)\n            return XdpAction.Pass;\n        return data[12]", fixedSource.Replace("\r", ""));
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Bounds_checks_grow_with_each_read_in_a_tc_program()
    {
        string fixedSource = await CodeFixHarness.FixAll(new PacketBoundsCodeFix(), "BPF0201", Header + """
                [BpfProgram, Tc(TcDirection.Ingress)]
                public static TcAction Run(SkbContext skb)
                {
                    byte* data = skb.Data;
                    if (data[0] != 0x45)
                        return TcAction.Ok;
                    ushort length = *(ushort*)(data + 2);
                    return length > 1000 ? TcAction.Shot : TcAction.Ok;
                }
            }
            """);
        Assert.Contains("> skb.DataEnd", fixedSource);
        Assert.Contains("return TcAction.Ok;", fixedSource);
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Bounds_check_on_a_variable_offset_is_made_on_that_pointer()
    {
        string fixedSource = await CodeFixHarness.FixAll(new PacketBoundsCodeFix(), "BPF0201", Header + """
                public struct Udp { public ushort Source; public ushort Dest; public ushort Len; public ushort Check; }

                [BpfProgram, Xdp]
                public static XdpAction Run(XdpContext ctx)
                {
                    byte* ip = ctx.Data + 14;
                    if (ip + 20 > ctx.DataEnd)
                        return XdpAction.Pass;
                    var udp = (Udp*)(ip + (ip[0] & 0xf) * 4);
                    return udp->Len > 512 ? XdpAction.Drop : XdpAction.Pass;
                }
            }
            """);
        Assert.Contains("if (udp + 1 > ctx.DataEnd)", fixedSource);
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Read_at_a_variable_index_is_not_offered_a_check()
    {
        Assert.Equal(0, await CodeFixHarness.Offered(new PacketBoundsCodeFix(), "BPF0201", Header + """
                [BpfProgram, Xdp]
                public static XdpAction Run(XdpContext ctx)
                {
                    byte* data = ctx.Data;
                    if (data + 16 > ctx.DataEnd)
                        return XdpAction.Pass;
                    return data[data[0] & 0xf] == 0 ? XdpAction.Drop : XdpAction.Pass;
                }
            }
            """));
    }
}
