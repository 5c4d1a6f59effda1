using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; SkbContext (tc) has Data/DataEnd too.
public static unsafe partial class TcSkb
{
    [BpfProgram, Tc(TcDirection.Ingress)]
    public static TcAction Run(SkbContext skb)
    {
        byte* data = skb.Data;
        byte* end = skb.DataEnd;
        if (data + 34 > end) return TcAction.Ok;
        var ip = (Ip4Hdr*)(data + 14);
        return ip->Proto == 1 ? TcAction.Shot : TcAction.Ok;
    }
}
