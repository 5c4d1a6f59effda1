using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Tests.Compiler;

namespace BpfSharp.Tests.Maps;

/// <summary>
/// Struct locals handed to map helpers: each by the address of its own slot, whatever other struct locals the
/// program has. The interpreter stands in for the helpers and reads what the pointer arguments point to.
/// </summary>
public class MapStructArgumentTests
{
    private const string Types = """
        public struct Key { public uint A; public ushort B; }
        public struct Value { public ulong X; public uint Y; }
        public struct Wrapper { public uint Tag; public Key Key; }
        """;

    private const string Maps = """
        static readonly HashMap<Key, Value> Table = new(64);
        static readonly RingBuffer Events = new(4096);
        static readonly PerfEventArray Samples = new();

        """;

    private const int Lookup = 1, Update = 2, PerfEventOutput = 25, RingbufOutput = 130;

    private static byte[] KeyBytes(uint a, ushort b) => BitConverter.GetBytes(a).Concat(BitConverter.GetBytes(b)).Concat(new byte[2]).ToArray();

    private static byte[] ValueBytes(ulong x, uint y) => BitConverter.GetBytes(x).Concat(BitConverter.GetBytes(y)).Concat(new byte[4]).ToArray();

    private static CompiledFunction Compile(string program) => CompilerHarness.CompileProgram(Maps + program, Types);

    [Fact]
    public void Update_gets_the_key_and_the_value_from_their_own_slots()
    {
        var f = Compile("""
            public static int Prog(uint a, uint b)
            {
                Key k = default; k.A = a; k.B = (ushort)b;
                Value v = default; v.X = a * 3UL; v.Y = b;
                return (int)Table.Update(in k, in v);
            }
            """);
        var interpreter = new BpfInterpreter();
        byte[]? key = null, value = null;
        interpreter.Helper = (id, r) =>
        {
            Assert.Equal(Update, id);
            key = interpreter.ReadBytes(r[1], 8);
            value = interpreter.ReadBytes(r[2], 16);
            return 0;
        };
        interpreter.Run(f.Code, 0x01020304, 0x0506);
        Assert.Equal(KeyBytes(0x01020304, 0x0506), key);
        Assert.Equal(ValueBytes(0x01020304 * 3UL, 0x0506), value);
    }

    [Fact]
    public void Lookup_gets_the_second_of_two_struct_locals()
    {
        var f = Compile("""
            public static int Prog(uint a, uint b)
            {
                Key first = default; first.A = a;
                Key second = default; second.A = b; second.B = 9;
                Value* found = Table.Lookup(second);
                return (int)first.A + (found == null ? 1 : 2);
            }
            """);
        var interpreter = new BpfInterpreter();
        byte[]? key = null;
        interpreter.Helper = (id, r) =>
        {
            key = interpreter.ReadBytes(r[1], 8);
            return 0;
        };
        Assert.Equal(8UL, interpreter.Run(f.Code, 7, 0x77));
        Assert.Equal(KeyBytes(0x77, 9), key);
    }

    [Theory]
    [InlineData("Value got = default; bool hit = Table.TryLookup(in second, out got);")]
    [InlineData("bool hit = Table.TryLookup(second, out Value got);")]
    [InlineData("bool hit = Table.TryLookup(new Key { A = b, B = 9 }, out var got);")]
    public void TryLookup_copies_the_value_into_the_out_struct(string call)
    {
        var f = Compile($$"""
            public static long Prog(uint a, uint b)
            {
                Key first = default; first.A = a;
                Key second = default; second.A = b; second.B = 9;
                {{call}}
                return hit ? (long)(got.X + got.Y) + first.A : -1 - (long)got.X;
            }
            """);
        var interpreter = new BpfInterpreter();
        byte[]? key = null;
        interpreter.Helper = (id, r) =>
        {
            Assert.Equal(Lookup, id);
            key = interpreter.ReadBytes(r[1], 8);
            interpreter.WriteBytes(interpreter.Scratch, ValueBytes(1000, 20));
            return interpreter.Scratch;
        };
        Assert.Equal(1027UL, interpreter.Run(f.Code, 7, 0x77));
        Assert.Equal(KeyBytes(0x77, 9), key);

        var missed = new BpfInterpreter { Helper = (_, _) => 0 };
        Assert.Equal(unchecked((ulong)-1L), missed.Run(f.Code, 7, 0x77));
    }

    [Fact]
    public void A_nested_struct_field_is_passed_by_its_own_address()
    {
        var f = Compile("""
            public static int Prog(uint a, uint b)
            {
                Wrapper w = default; w.Tag = a; w.Key.A = b; w.Key.B = 3;
                return Table.Lookup(w.Key) == null ? 0 : 1;
            }
            """);
        var interpreter = new BpfInterpreter();
        byte[]? key = null;
        interpreter.Helper = (_, r) => { key = interpreter.ReadBytes(r[1], 8); return 0; };
        interpreter.Run(f.Code, 1, 0x42);
        Assert.Equal(KeyBytes(0x42, 3), key);
    }

    [Fact]
    public void Ring_buffer_output_gets_the_struct_local_it_names()
    {
        var f = Compile("""
            public static long Prog(uint a, uint b)
            {
                Key other = default; other.A = a;
                Value record = default; record.X = a * 7UL; record.Y = b;
                return Events.Output(record) + other.A;
            }
            """);
        var interpreter = new BpfInterpreter();
        byte[]? data = null;
        interpreter.Helper = (id, r) =>
        {
            Assert.Equal(RingbufOutput, id);
            Assert.Equal(16UL, r[2]);
            data = interpreter.ReadBytes(r[1], 16);
            return 0;
        };
        interpreter.Run(f.Code, 3, 4);
        Assert.Equal(ValueBytes(21, 4), data);
    }

    [Fact]
    public void Perf_event_output_gets_the_struct_local_it_names()
    {
        var f = Compile("""
            public static long Prog(RawTracepointContext ctx)
            {
                Key other = default; other.A = 5;
                Value record = default; record.X = 6; record.Y = 7;
                return Samples.Output(ctx, in record) + other.A;
            }
            """);
        var interpreter = new BpfInterpreter();
        byte[]? data = null;
        interpreter.Helper = (id, r) =>
        {
            Assert.Equal(PerfEventOutput, id);
            Assert.Equal(16UL, r[4]);
            data = interpreter.ReadBytes(r[3], 16);
            return 0;
        };
        interpreter.Run(f.Code, 0);
        Assert.Equal(ValueBytes(6, 7), data);
    }
}
