using System.Runtime.InteropServices;
using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

/// <summary>
/// The global variables of a loaded object, read and written through their section's array map while programs run
/// (.rodata is frozen: reads only).
/// </summary>
public sealed class BpfGlobals
{
    private readonly ObjectSpec spec;
    private readonly Func<string, BpfMap> map;

    internal BpfGlobals(ObjectSpec spec, Func<string, BpfMap> map)
    {
        this.spec = spec;
        this.map = map;
    }

    public IReadOnlyList<GlobalVariable> Variables => spec.Variables;

    /// <summary>The current bytes of <paramref name="name"/>.</summary>
    public byte[] ReadBytes(string name)
    {
        var variable = spec.Variable(name);
        var section = map(variable.Section);
        var value = new byte[section.ValueSize];
        section.TryLookup(BitConverter.GetBytes(0u), value);
        return value.AsSpan(variable.Offset, variable.Size).ToArray();
    }

    public T Read<T>(string name)
        where T : unmanaged
    {
        var bytes = ReadBytes(name);
        return bytes.Length >= Marshal.SizeOf<T>()
            ? MemoryMarshal.Read<T>(bytes)
            : throw new ArgumentException($"Variable '{name}' has {bytes.Length} bytes; {typeof(T).Name} needs {Marshal.SizeOf<T>()}.");
    }

    /// <summary>
    /// Writes <paramref name="name"/>. The section's value is read, patched and written back, so a program writing
    /// another variable of the same section at that moment can lose its write.
    /// </summary>
    public void WriteBytes(string name, ReadOnlySpan<byte> bytes)
    {
        var variable = spec.Variable(name);
        if (bytes.Length > variable.Size)
            throw new ArgumentException($"Variable '{name}' has {variable.Size} bytes; got {bytes.Length}.", nameof(bytes));
        var section = map(variable.Section);
        var value = new byte[section.ValueSize];
        var key = BitConverter.GetBytes(0u);
        section.TryLookup(key, value);
        bytes.CopyTo(value.AsSpan(variable.Offset));
        section.Update(key, value);
    }

    public void Write<T>(string name, T value)
        where T : unmanaged => WriteBytes(name, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
}
