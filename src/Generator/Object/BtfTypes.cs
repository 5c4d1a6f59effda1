using System.Collections.Generic;
using System.Linq;
using BpfSharp.Btf;
using BpfSharp.Generator.Compiler.Data;

namespace BpfSharp.Generator.Object;

/// <summary>
/// The object's BTF types: C# layouts (<see cref="DataType"/>) become INT/FLOAT/PTR/ARRAY/ENUM/STRUCT with the C#
/// names, and the <c>int (*)[N]</c> shapes that libbpf's map definitions encode numbers in.
/// </summary>
internal sealed class BtfTypes
{
    public BtfTypes(BtfBuilder builder) => Builder = builder;

    public BtfBuilder Builder { get; }

    public uint Int => Builder.AddInt("int", 4, BtfIntEncoding.Signed);

    /// <summary><c>int (*)[n]</c>: how libbpf's <c>__uint(name, n)</c> carries a number.</summary>
    public uint NumberPointer(uint n)
    {
        uint index = Builder.AddInt("__ARRAY_SIZE_TYPE__", 4);
        return Builder.AddPointer(Builder.Add(new BtfArray(Int, index, n)));
    }

    public uint Of(DataType? type)
    {
        switch (type)
        {
            case null:
                return 0;
            case IntData i:
                var encoding = i.Encoding switch
                {
                    IntEncoding.Signed => BtfIntEncoding.Signed,
                    IntEncoding.Bool => BtfIntEncoding.Bool,
                    _ => BtfIntEncoding.None,
                };
                return Builder.AddInt(i.Name, (uint)i.Size, encoding);
            case FloatData f:
                return Builder.Add(new BtfFloat(f.Name, (uint)f.Size));
            case PointerData p:
                return Builder.AddPointer(Of(p.Target));
            case ArrayData a:
                return Builder.Add(new BtfArray(Of(a.Element), Builder.AddInt("__ARRAY_SIZE_TYPE__", 4), (uint)a.Count));
            case EnumData e:
                var values = e.Values.Select(v => new BtfEnumValue(v.Key, v.Value)).ToList();
                return e.Size == 8
                    ? Builder.Add(new BtfEnum64(e.Name, 8, e.Signed, values))
                    : Builder.Add(new BtfEnum(e.Name, (uint)e.Size, e.Signed, values));
            case StructData s:
                var members = new List<BtfMember>();
                foreach (var field in s.Fields)
                    members.Add(new BtfMember(field.Name, Of(field.Type), (uint)field.Offset * 8));
                return Builder.Add(new BtfStruct(s.Name, (uint)s.Size, members));
            default:
                throw new System.InvalidOperationException($"No BTF for {type.GetType().Name}.");
        }
    }
}
