using BpfSharp.Runtime;

namespace BpfSharp.Runtime.Tests.Errors;

/// <summary>
/// Real verifier logs of this kernel (captured with <c>bpftool -d prog load</c> from the clang programs beside
/// them, built with -g so the log quotes source lines) read back as file, line, source and reason.
/// </summary>
public class VerifierLogTests
{
    private static string Log(string name) => File.ReadAllText(Path.Combine(BpfSharp.Tests.Repo.Root, "tests", "BpfSharp.Runtime.Tests", "Errors", "VerifierLogs", name + ".log"));

    [Theory]
    [InlineData("nullderef", "nullderef.c", 9, "*v += 1;", "7: (79) r1 = *(u64 *)(r0 +0)", "R0 invalid mem access 'map_value_or_null'", "BPF0200")]
    [InlineData("packet", "packet.c", 10, "return *(unsigned short *)(data + 12) == 8 ? XDP_PASS : XDP_DROP;", "6: (69) r1 = *(u16 *)(r1 +12)", "invalid access to packet, off=12 size=2, R1(id=0,off=12,r=10) R1 offset is outside of the packet", "BPF0201")]
    [InlineData("gpl", "gpl.c", 6, "bpf_printk(\"hello %d\", 1);", "4: (85) call bpf_trace_printk#6", "cannot call GPL-restricted function from non-GPL compatible program", "BPF0203")]
    [InlineData("helper", "helper.c", 6, "return bpf_xdp_adjust_head(ctx, 4);", "1: (85) call bpf_xdp_adjust_head#44", "program of this type cannot use helper bpf_xdp_adjust_head#44", "BPF0202")]
    public void Real_log_gives_source_line_and_reason(string name, string file, int line, string source, string instruction, string reason, string diagnostic)
    {
        var parsed = VerifierLog.Parse(Log(name));
        Assert.Equal(file, parsed.File);
        Assert.Equal(line, parsed.Line);
        Assert.Equal(source, parsed.SourceText);
        Assert.Equal(instruction, parsed.Instruction);
        Assert.Equal(reason, parsed.Reason);
        Assert.Contains(diagnostic, parsed.Explanation);
    }

    [Fact]
    public void Exception_message_names_the_line_quotes_it_and_explains_before_the_log()
    {
        var log = Log("nullderef");
        var exception = new BpfVerifierException("BPF_PROG_LOAD", 13, "count", log);
        var message = exception.Message;

        Assert.Equal("nullderef.c", exception.SourceFile);
        Assert.Equal(9, exception.SourceLine);
        Assert.Contains("'count' was rejected by the verifier at nullderef.c(9):", message);
        Assert.Contains("    *v += 1;", message);
        int explanation = message.IndexOf("may be null", StringComparison.Ordinal);
        int raw = message.IndexOf("Verifier log", StringComparison.Ordinal);
        Assert.InRange(explanation, 0, raw);
        Assert.Contains("R0 invalid mem access 'map_value_or_null'", message[raw..]);
        Assert.Equal(log, exception.Log);
    }

    [Fact]
    public void Log_without_line_info_still_gives_the_reason()
    {
        const string log = "0: R1=ctx() R10=fp0\n0: (b7) r0 = 0\n1: (85) call bpf_xdp_adjust_head#44\nprogram of this type cannot use helper bpf_xdp_adjust_head#44\nprocessed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";
        var parsed = VerifierLog.Parse(log);
        Assert.Null(parsed.File);
        Assert.Equal("1: (85) call bpf_xdp_adjust_head#44", parsed.Instruction);
        Assert.Equal("This program type may not call the helper bpf_xdp_adjust_head#44 (BPF0202).", parsed.Explanation);
        Assert.Contains("'p' was rejected by the verifier:" + Environment.NewLine + "This program type", new BpfVerifierException("BPF_PROG_LOAD", 22, "p", log).Message);
    }
}
