namespace BpfSharp;

/// <summary>The CLR side of packet loads: reads from a caller-owned buffer, 0 when the read would pass its end.</summary>
internal static unsafe class PacketBytes
{
    public static ulong Load(byte* data, byte* dataEnd, int offset, int size, bool bigEndian)
    {
        if (data == null || offset < 0 || size > dataEnd - data - offset)
            return 0;
        ulong value = 0;
        for (int i = 0; i < size; i++)
        {
            int index = bigEndian ? i : size - 1 - i;
            value = (value << 8) | data[offset + index];
        }
        return value;
    }

    /// <summary>bpf_skb_load_bytes / bpf_xdp_load_bytes: copies or, past the end, zeroes the destination and fails.</summary>
    public static long Copy(byte* data, byte* dataEnd, uint offset, void* to, uint length)
    {
        if (data == null || offset + (ulong)length > (ulong)(dataEnd - data))
        {
            for (uint i = 0; i < length; i++)
                ((byte*)to)[i] = 0;
            return -14; // -EFAULT
        }
        System.Buffer.MemoryCopy(data + offset, to, length, length);
        return 0;
    }

    public static long Store(byte* data, byte* dataEnd, uint offset, void* from, uint length)
    {
        if (data == null || offset + (ulong)length > (ulong)(dataEnd - data))
            return -14;
        System.Buffer.MemoryCopy(from, data + offset, length, length);
        return 0;
    }
}
