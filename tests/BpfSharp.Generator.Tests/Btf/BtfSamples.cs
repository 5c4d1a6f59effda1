using BpfSharp.Btf;

namespace BpfSharp.Generator.Tests.Btf;

/// <summary>One BTF blob using every kind, shared by the round-trip and bpftool tests.</summary>
internal static class BtfSamples
{
    public static BtfType[] EveryKind =>
    [
        /* 1 */ BtfInt.Of("int", 4, BtfIntEncoding.Signed),
        /* 2 */ BtfInt.Of("char", 1, BtfIntEncoding.Char),
        /* 3 */ BtfInt.Of("_Bool", 1, BtfIntEncoding.Bool),
        /* 4 */ BtfInt.Of("unsigned int", 4),
        /* 5 */ new BtfPointer(1),
        /* 6 */ new BtfArray(2, 4, 16),
        /* 7 */ new BtfStruct("sample", 24, [new BtfMember("count", 1, 0), new BtfMember("name", 6, 32), new BtfMember("next", 5, 160)]),
        /* 8 */ new BtfUnion("word", 4, [new BtfMember("u", 4, 0), new BtfMember("i", 1, 0)]),
        /* 9 */ new BtfStruct("bits", 4, [new BtfMember("low", 4, 0, 3), new BtfMember("high", 4, 3, 29)]),
        /* 10 */ new BtfEnum("color", 4, false, [new BtfEnumValue("RED", 0), new BtfEnumValue("BLUE", 4000000000)]),
        /* 11 */ new BtfEnum("delta", 4, true, [new BtfEnumValue("DOWN", -1), new BtfEnumValue("UP", 1)]),
        /* 12 */ new BtfEnum64("wide", 8, false, [new BtfEnumValue("HUGE", 0x123456789)]),
        /* 13 */ new BtfForward("later"),
        /* 14 */ new BtfForward("maybe", IsUnion: true),
        /* 15 */ new BtfTypedef("u32", 4),
        /* 16 */ new BtfVolatile(1),
        /* 17 */ new BtfConst(16),
        /* 18 */ new BtfRestrict(5),
        /* 19 */ new BtfFuncProto(1, [new BtfParam("ctx", 5), new BtfParam("len", 15)]),
        /* 20 */ new BtfFunc("handler", 19, BtfFuncLinkage.Global),
        /* 21 */ new BtfFunc("helper", 19, BtfFuncLinkage.Static),
        /* 22 */ new BtfVar("counter", 15, BtfVarLinkage.GlobalAllocated),
        /* 23 */ new BtfVar("limit", 17, BtfVarLinkage.Static),
        /* 24 */ new BtfDataSec(".data", 8, [new BtfVarSecInfo(22, 0, 4), new BtfVarSecInfo(23, 4, 4)]),
        /* 25 */ new BtfFloat("double", 8),
        /* 26 */ new BtfDeclTag("kernel", 20, -1),
        /* 27 */ new BtfDeclTag("nonnull", 20, 0),
        /* 28 */ new BtfTypeTag("user", 1),
        /* 29 */ new BtfPointer(28),
    ];

    public static byte[] BuildEveryKind(bool bigEndian = false)
    {
        var b = new BtfBuilder(bigEndian: bigEndian);
        foreach (var type in EveryKind)
            b.Add(type);
        Assert.Equal((uint)EveryKind.Length, b.Count);
        return b.Build();
    }
}
