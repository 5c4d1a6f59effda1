using BpfSharp.Elf;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Tests.Generator;

/// <summary>The networking program-type attributes: libbpf's section names and the signatures they require.</summary>
public class NetworkProgramTypeTests
{
    [Theory]
    [InlineData("[Xdp] public static XdpAction F(XdpContext c) => XdpAction.Pass;", "xdp")]
    [InlineData("[Xdp(Frags = true)] public static XdpAction F(XdpContext c) => XdpAction.Pass;", "xdp.frags")]
    [InlineData("[Tc(TcDirection.Ingress)] public static TcAction F(SkbContext c) => TcAction.Ok;", "tcx/ingress")]
    [InlineData("[Tc(TcDirection.Egress)] public static TcAction F(SkbContext c) => TcAction.Ok;", "tcx/egress")]
    [InlineData("[SocketFilter] public static int F(SkbContext c) => 0;", "socket")]
    [InlineData("[CgroupSkb(CgroupSkbDirection.Ingress)] public static int F(SkbContext c) => 1;", "cgroup_skb/ingress")]
    [InlineData("[CgroupSkb(CgroupSkbDirection.Egress)] public static int F(SkbContext c) => 1;", "cgroup_skb/egress")]
    [InlineData("[CgroupSock] public static int F(SockContext c) => 1;", "cgroup/sock_create")]
    [InlineData("[CgroupSock(CgroupSockEvent.PostBind4)] public static int F(SockContext c) => 1;", "cgroup/post_bind4")]
    public void Each_attribute_gives_libbpfs_section(string method, string section)
    {
        var (result, _) = GeneratorHarness.Run($"using BpfSharp;\npublic static partial class P {{ [BpfProgram]{method} }}");
        Assert.Empty(result.Diagnostics);
        var elf = ElfFile.Parse(GeneratorHarness.ObjectOf(result, "P"));
        Assert.NotNull(elf.FindSection(section));
    }

    [Theory]
    [InlineData("[Xdp] public static int F(XdpContext c) => 2;")]
    [InlineData("[Xdp] public static XdpAction F(SkbContext c) => XdpAction.Pass;")]
    [InlineData("[Tc(TcDirection.Ingress)] public static int F(SkbContext c) => 0;")]
    [InlineData("[CgroupSock] public static int F(SkbContext c) => 1;")]
    public void A_wrong_context_or_result_is_BPF0004(string method)
    {
        var (result, _) = GeneratorHarness.Run($"using BpfSharp;\npublic static partial class P {{ [BpfProgram]{method} }}");
        Assert.Equal("BPF0004", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Context_fields_and_packet_loads_compile_to_loads_and_helper_calls()
    {
        var (result, _) = GeneratorHarness.Run("""
            using BpfSharp;
            public static partial class P
            {
                [BpfProgram, Tc(TcDirection.Ingress)]
                public static TcAction F(SkbContext c) => c.Mark == 7 && c.LoadUInt16BigEndian(12) == 0x0800 ? TcAction.Shot : TcAction.Ok;
            }
            """);
        Assert.Empty(result.Diagnostics);
        var code = BpfSharp.Asm.Instruction.Decode(ElfFile.Parse(GeneratorHarness.ObjectOf(result, "P")).FindSection("tcx/ingress")!.Data);
        // __sk_buff.mark: a 4-byte load at offset 8 from the context; then bpf_skb_load_bytes (26).
        Assert.Contains(code, i => i.Class == BpfSharp.Asm.InstructionClass.Ldx && i.OpCode == 0x61 && i.Offset == 8 && i.Src == BpfSharp.Asm.Register.R1);
        Assert.Contains(code, i => i.OpCode == 0x85 && i.Imm == 26);
    }
}
