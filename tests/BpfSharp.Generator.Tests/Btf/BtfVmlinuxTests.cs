using System.Diagnostics;
using System.Text.RegularExpressions;
using BpfSharp.Btf;

namespace BpfSharp.Generator.Tests.Btf;

/// <summary>The running kernel's own BTF: large, produced by pahole rather than clang, and the layout source for CO-RE.</summary>
[Collection(BpfSharp.Generator.Tests.TimingCollection.Name)]
public class BtfVmlinuxTests
{
    private const string Vmlinux = "/sys/kernel/btf/vmlinux";

    [Fact]
    public void Vmlinux_parses_in_under_a_second()
    {
        var bytes = File.ReadAllBytes(BtfTools.RequireFile(Vmlinux));

        // The first parse pays for JIT compilation of the parser; the bound is on a parse as the runtime would see it after startup.
        var first = Stopwatch.StartNew();
        var spec = BtfSpec.Parse(bytes);
        first.Stop();
        var second = Stopwatch.StartNew();
        BtfSpec.Parse(bytes);
        second.Stop();

        Assert.True(spec.Count > 10000, $"only {spec.Count} types");
        Assert.True(first.Elapsed < TimeSpan.FromSeconds(2), $"first parse took {first.Elapsed}");
        Assert.True(second.Elapsed < TimeSpan.FromSeconds(1), $"parse took {second.Elapsed}");
        TestContext.Current.SendDiagnosticMessage($"vmlinux: {spec.Count} types, first parse {first.ElapsedMilliseconds} ms, second {second.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Vmlinux_decodes_exactly_as_bpftool_dumps_it()
    {
        var spec = BtfSpec.Parse(File.ReadAllBytes(BtfTools.RequireFile(Vmlinux)));
        var expected = BtfTools.Run("bpftool", "btf", "dump", "file", Vmlinux, "format", "raw");

        var actual = BtfRawDump.Render(spec);

        if (actual != expected)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            int i = 0;
            while (i < Math.Min(e.Length, a.Length) && e[i] == a[i])
                i++;
            Assert.Fail($"first difference at line {i + 1}:\n bpftool: {(i < e.Length ? e[i] : "<end>")}\n ours:    {(i < a.Length ? a[i] : "<end>")}");
        }
    }

    [Theory]
    [InlineData("task_struct", "pid")]
    [InlineData("task_struct", "comm")]
    [InlineData("sk_buff", "len")]
    [InlineData("sk_buff", "data")]
    public void Struct_layouts_match_bpftool(string structName, string memberName)
    {
        var spec = BtfSpec.Parse(File.ReadAllBytes(BtfTools.RequireFile(Vmlinux)));
        var dump = BtfTools.Run("bpftool", "btf", "dump", "file", Vmlinux, "format", "raw");
        var (size, bitOffset) = FromBpftool(dump, structName, memberName);

        uint id = spec.Find(structName, BtfKind.Struct);
        Assert.NotEqual(0u, id);
        var s = (BtfStruct)spec[id];
        var member = s.FindMember(memberName);

        Assert.NotNull(member);
        Assert.Equal(size, spec.SizeOf(id));
        Assert.Equal(bitOffset, member.BitOffset);
    }

    [Fact]
    public void Members_inside_anonymous_unions_are_found_with_their_full_offset()
    {
        var spec = BtfSpec.Parse(File.ReadAllBytes(BtfTools.RequireFile(Vmlinux)));
        var dump = BtfTools.Run("bpftool", "btf", "dump", "file", Vmlinux, "format", "raw");
        uint skb = spec.Find("sk_buff", BtfKind.Struct);

        // sk_buff.protocol sits in the anonymous struct_group(headers); bpftool lists it only relative to that group.
        var found = spec.FindMember(skb, "protocol");

        Assert.NotNull(found);
        Assert.Null(((BtfStruct)spec[skb]).FindMember("protocol"));
        Assert.Equal(BitOffsetThroughAnonymous(dump, $"{skb}", "protocol"), found.Value.BitOffset);
        Assert.Equal(2u, spec.SizeOf(found.Value.Member.Type));
    }

    /// <summary>Walks bpftool's text through anonymous members, so the expectation does not come from our decoder.</summary>
    private static uint? BitOffsetThroughAnonymous(string dump, string id, string memberName)
    {
        var block = Regex.Match(dump, $@"^\[{id}\] (?:STRUCT|UNION) '[^']*' size=\d+ vlen=\d+\n((?:\t.*\n)*)", RegexOptions.Multiline);
        if (!block.Success)
            return null;
        foreach (Match m in Regex.Matches(block.Groups[1].Value, @"^\t'([^']*)' type_id=(\d+) bits_offset=(\d+)", RegexOptions.Multiline))
        {
            uint offset = uint.Parse(m.Groups[3].Value);
            if (m.Groups[1].Value == memberName)
                return offset;
            if (m.Groups[1].Value == "(anon)" && BitOffsetThroughAnonymous(dump, m.Groups[2].Value, memberName) is { } inner)
                return offset + inner;
        }
        return null;
    }

    /// <summary>Reads the struct's size and the member's bit offset out of bpftool's text, independently of our decoder.</summary>
    private static (uint Size, uint BitOffset) FromBpftool(string dump, string structName, string memberName)
    {
        var header = Regex.Match(dump, $@"^\[\d+\] STRUCT '{structName}' size=(\d+) vlen=\d+\n((?:\t.*\n)*)", RegexOptions.Multiline);
        Assert.True(header.Success, $"bpftool shows no struct {structName}");
        var member = Regex.Match(header.Groups[2].Value, $@"^\t'{memberName}' type_id=\d+ bits_offset=(\d+)", RegexOptions.Multiline);
        Assert.True(member.Success, $"bpftool shows no member {memberName} in {structName}");
        return (uint.Parse(header.Groups[1].Value), uint.Parse(member.Groups[1].Value));
    }
}
