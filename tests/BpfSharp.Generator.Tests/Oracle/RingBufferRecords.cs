using BpfSharp.Runtime;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// The ring buffers of one corpus class on both sides: the CLR twin's records (static <see cref="RingBuffer"/>
/// fields) and the kernel map of the same name, read through <see cref="RingBufferReader{T}"/>. Each comparison
/// drains both, so every input is judged by the records it wrote.
/// </summary>
internal sealed class RingBufferRecords : IDisposable
{
    private readonly List<(string Name, RingBuffer Clr, RingBufferReader<byte> Kernel)> _buffers = new();

    public RingBufferRecords(Type clrType, BpfObject loaded)
    {
        foreach (var field in clrType.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            if (field.GetValue(null) is RingBuffer clr)
                _buffers.Add((field.Name, clr, new RingBufferReader<byte>(loaded.Map(field.Name))));
        }
    }

    /// <summary>What differs between the records written since the last call, or null when they are the same bytes.</summary>
    public string? Difference()
    {
        string? difference = null;
        foreach (var (name, clr, kernel) in _buffers)
        {
            var expected = clr.Records.ToList();
            while (clr.TryRead<byte>(out _)) { }
            var actual = new List<byte[]>();
            kernel.Consume(record => { actual.Add(record.ToArray()); return true; });
            if (difference is null && !expected.SequenceEqual(actual, ByteArrays.Instance))
                difference = $"{name}: CLR records [{Format(expected)}], kernel records [{Format(actual)}]";
        }
        return difference;
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
            buffer.Kernel.Dispose();
    }

    private static string Format(List<byte[]> records) => string.Join("; ", records.Select(Convert.ToHexString));

    private sealed class ByteArrays : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrays Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
