namespace BpfSharp;

/// <summary>Incremental Internet checksum update (RFC 1624), the CLR side of the csum_replace helpers.</summary>
internal static unsafe class Checksum
{
    public static long Replace(SkBuff* skb, uint offset, ulong from, ulong to, ulong flags, bool mangledZero)
    {
        int size = (int)(flags & 0xf);
        if (size != 2 && size != 4)
            return -22;
        if (offset + 2UL > (ulong)(skb->DataEnd - skb->Data))
            return -14;
        ushort* field = (ushort*)(skb->Data + offset);
        ushort check = *field;
        if (mangledZero && check == 0)
            return 0;
        // One's-complement sums do not depend on byte order as long as every word is read the same way,
        // so the words are summed as they lie in memory.
        uint sum = (ushort)~check;
        sum += size == 2 ? (ushort)~(ushort)from : (uint)(ushort)~(ushort)from + (ushort)~(ushort)(from >> 16);
        sum += size == 2 ? (ushort)to : (uint)(ushort)to + (ushort)(to >> 16);
        while (sum >> 16 != 0)
            sum = (sum & 0xffff) + (sum >> 16);
        ushort result = (ushort)~sum;
        *field = mangledZero && result == 0 ? (ushort)0xffff : result;
        return 0;
    }
}
