using System.Reflection;
using System.Runtime.Loader;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>
/// Runs one C# method twice — as .NET, and compiled to eBPF in <see cref="BpfInterpreter"/> — and asserts equal results.
/// Integer parameters and results are compared in register form (32-bit and narrower values zero-extended from 32 bits).
/// </summary>
internal static class Differential
{
    public static void Check(string members, string method, params long[][] inputs) => Check(CpuVersion.V3, members, method, inputs);

    public static void Check(CpuVersion cpu, string members, string method, params long[][] inputs)
    {
        string source = CompilerHarness.Usings + "public static unsafe partial class P {\n" + members + "\n}\n";
        var compilation = CompilerHarness.Compile(source);
        var symbol = compilation.GetTypeByMetadataName("P")!.GetMembers(method).OfType<IMethodSymbol>().Single();

        var diagnostics = new List<DiagnosticInfo>();
        var result = BpfCompiler.CompileClass(symbol.ContainingType, new[] { (symbol, new ProgramSpec(method, ProgramKind.RawTracepoint, "s", "t", null)) },
            compilation, CancellationToken.None, cpu);
        Assert.True(result.Diagnostics.Count == 0, "Diagnostics: " + string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
        var compiled = result.Programs.Single();

        var clrMethod = LoadClr(compilation).GetType("P")!.GetMethod(method)!;
        var parameters = clrMethod.GetParameters();
        foreach (var input in inputs)
        {
            var args = parameters.Select((p, i) => ToClr(input[i], p.ParameterType)).ToArray();
            ulong expected = ToRegister(clrMethod.Invoke(null, args)!);
            var interpreter = new BpfInterpreter();
            ulong actual = interpreter.Run(BpfInterpreter.Link(compiled, result.Subprograms), parameters.Select((p, i) => ToRegister(args[i]!)).ToArray());
            Assert.True(expected == actual,
                $"{method}({string.Join(", ", input)}): CLR 0x{expected:x}, eBPF 0x{actual:x}\n" + string.Join("\n", CompilerHarness.Listing(compiled)));
        }
    }

    private static Assembly LoadClr(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }

    private static object ToClr(long value, Type type)
    {
        if (type == typeof(bool)) return value != 0;
        if (type.IsEnum) return Enum.ToObject(type, value);
        return type == typeof(ulong) ? unchecked((ulong)value) : Convert.ChangeType(unchecked(type == typeof(uint) ? (uint)value : type == typeof(int) ? (int)value
            : type == typeof(ushort) ? (ushort)value : type == typeof(short) ? (short)value : type == typeof(byte) ? (byte)value
            : type == typeof(sbyte) ? (sbyte)value : type == typeof(char) ? (char)value : (object)value), type, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ulong ToRegister(object value) => value switch
    {
        bool b => b ? 1UL : 0UL,
        sbyte v => (uint)(int)v, byte v => v, short v => (uint)(int)v, ushort v => v, char v => v,
        int v => (uint)v, uint v => v, long v => (ulong)v, ulong v => v,
        Enum e => ToRegister(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException(value.GetType().Name),
    };
}
