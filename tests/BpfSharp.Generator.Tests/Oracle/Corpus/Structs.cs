namespace BpfSharp.Oracle.Corpus;

public struct Address { public uint W0; public uint W1; public uint W2; public uint W3; }

/// <summary>Address at offset 4: 4-aligned, not 8-aligned, as in an LPM trie key.</summary>
public struct Prefixed { public uint Length; public Address Address; }

public struct Halves { public ushort A; public ushort B; public ushort C; }

/// <summary>Halves at offset 2, Wide (8-aligned) after it.</summary>
public struct Mixed { public byte Tag; public Halves Halves; public ulong Wide; }

public unsafe struct Named { public int Kind; public fixed byte Text[12]; public fixed ushort Codes[3]; }

public struct Envelope { public byte Flags; public Named Named; }

/// <summary>Struct locals: nested copies at offsets that allow only narrow accesses, fixed-size buffers inside locals.</summary>
public static unsafe partial class Structs
{
    /// <summary>A global (.bss): methods using it run only through the object path.</summary>
    private static Named Shared;

    public static uint NestedCopyAtOffset4(uint a, uint b)
    {
        var x = new Address { W0 = a, W1 = b, W2 = a ^ b, W3 = a + b };
        Prefixed p = default;
        p.Length = 128;
        p.Address = x;
        var y = p.Address;
        y.W1 += 1;
        Prefixed q = p;
        q.Address = y;
        return y.W0 ^ y.W1 * 3 ^ y.W2 * 5 ^ y.W3 * 7 ^ q.Address.W1 ^ q.Length ^ p.Address.W3;
    }

    public static uint NestedCopyThroughPointer(uint a, uint b)
    {
        Prefixed p = default;
        p.Address.W2 = a;
        p.Address.W3 = b;
        Prefixed* pointer = &p;
        Address copy = pointer->Address;
        copy.W0 = copy.W2 + copy.W3;
        pointer->Address = copy;
        return p.Address.W0 * 31 + p.Address.W3;
    }

    public static ulong NestedCopyAtOffset2(ushort a, ulong b)
    {
        Mixed m = default;
        m.Tag = 7;
        m.Wide = b;
        m.Halves = new Halves { A = a, B = (ushort)(a >> 3), C = 9 };
        Halves h = m.Halves;
        h.C += h.A;
        Mixed n = m;
        n.Halves = h;
        return n.Halves.C + (ulong)n.Halves.B * 1000 + n.Wide + m.Tag;
    }

    public static int FixedBufferInLocal(int a, int i)
    {
        Named n = default;
        n.Kind = a;
        for (int k = 0; k < 12; k++)
            n.Text[k] = (byte)(a + k);
        n.Codes[i & 1] = (ushort)a;
        int index = i & 7;
        n.Text[index] += 3;
        return n.Text[index] + n.Text[11] * 7 + n.Codes[0] + n.Codes[1] * 3 + n.Kind;
    }

    public static int FixedBufferInNestedLocal(int a, int i)
    {
        Envelope e = default;
        e.Flags = 1;
        e.Named.Text[i & 7] = (byte)a;
        e.Named.Codes[2] = (ushort)(a >> 8);
        Envelope copy = e;
        byte* text = copy.Named.Text;
        return text[i & 7] + copy.Named.Codes[2] + copy.Flags + *e.Named.Text;
    }

    public static int FixedBufferInGlobal(int a, int i)
    {
        Shared.Kind = a;
        Shared.Text[i & 7] = (byte)a;
        Shared.Codes[2] = (ushort)i;
        Named copy = Shared;
        copy.Text[1] += 1;
        return Shared.Text[i & 7] + Shared.Text[3] * 5 + Shared.Codes[2] + Shared.Kind + copy.Text[1] * 7 + copy.Text[i & 7];
    }
}
