namespace BpfSharp.Oracle.Corpus;

/// <summary>const and static readonly fields, folded at compile time.</summary>
public static class Constants
{
    private const int Mask = 0x0ff0;
    private const long Big = 0x1234_5678_9abc_def0;
    private static readonly uint Prime = 16777619;
    private static readonly ulong Offset = 14695981039346656037;

    public static int UsesConst(int a) => a & Mask | Mask >> 4;
    public static long UsesLongConst(long a) => a ^ Big;
    public static uint Fnv1a(uint a)
    {
        uint h = 2166136261;
        for (int i = 0; i < 4; i++)
        {
            h ^= (a >> (8 * i)) & 0xff;
            h = unchecked(h * Prime);
        }
        return h;
    }

    public static ulong Fnv1a64(ulong a)
    {
        ulong h = Offset;
        for (int i = 0; i < 8; i++)
        {
            h ^= (a >> (8 * i)) & 0xff;
            h = unchecked(h * 1099511628211UL);
        }
        return h;
    }
}
