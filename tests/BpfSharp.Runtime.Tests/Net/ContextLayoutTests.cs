using System.Reflection;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// Every [ContextMember] of the packet contexts is checked against the installed uapi header by offset and size,
/// so a compiled property read loads exactly the kernel's field.
/// </summary>
public sealed class ContextLayoutTests
{
    public static TheoryData<string, string, string> Fields => new()
    {
        { nameof(XdpContext), "struct xdp_md", "Data=data DataEnd=data_end DataMeta=data_meta IngressIfindex=ingress_ifindex RxQueueIndex=rx_queue_index EgressIfindex=egress_ifindex" },
        { nameof(SkbContext), "struct __sk_buff", "Len=len PktType=pkt_type Mark=mark QueueMapping=queue_mapping Protocol=protocol VlanPresent=vlan_present VlanTci=vlan_tci VlanProto=vlan_proto Priority=priority IngressIfindex=ingress_ifindex Ifindex=ifindex TcIndex=tc_index Hash=hash TcClassid=tc_classid Data=data DataEnd=data_end NapiId=napi_id Family=family RemoteIp4=remote_ip4 LocalIp4=local_ip4 RemotePort=remote_port LocalPort=local_port" },
        { nameof(SockContext), "struct bpf_sock", "BoundDevIf=bound_dev_if Family=family Type=type Protocol=protocol Mark=mark Priority=priority" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Context_fields_match_the_kernel_header(string context, string cType, string mapping)
    {
        if (!CProbe.HasCompiler())
        {
            if (Kernel.InCi) Assert.Fail("gcc is needed to check context layouts");
            Assert.Skip("gcc is not installed");
        }

        var type = typeof(XdpContext).Assembly.GetType("BpfSharp." + context)!;
        var pairs = mapping.Split(' ').Select(p => p.Split('=')).ToArray();
        var attributed = type.GetProperties().Where(p => p.GetCustomAttribute<ContextMemberAttribute>() is not null).Select(p => p.Name).ToHashSet();
        Assert.Equal(attributed.Order(), pairs.Select(p => p[0]).Order());

        var expressions = pairs.SelectMany(p => new[] { $"offsetof({cType}, {p[1]})", $"sizeof((({cType} *)0)->{p[1]})" }).ToArray();
        var values = CProbe.Evaluate(["linux/bpf.h"], expressions);
        for (int i = 0; i < pairs.Length; i++)
        {
            var field = type.GetProperty(pairs[i][0])!.GetCustomAttribute<ContextMemberAttribute>()!;
            Assert.True(values[2 * i] == field.Offset, $"{context}.{pairs[i][0]}: offset {field.Offset}, header says {values[2 * i]}");
            Assert.True(values[2 * i + 1] == field.Size, $"{context}.{pairs[i][0]}: size {field.Size}, header says {values[2 * i + 1]}");
        }
    }
}
