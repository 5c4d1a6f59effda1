namespace BpfSharp.Oracle.Corpus;

/// <summary>
/// const fields, folded at compile time. (static readonly fields are .rodata globals the host may set before
/// load, so they need an object loader: the thunk-linked oracle leaves them to the object tests.)
/// </summary>
public static partial class Constants
{
    private const int Mask = 0x0ff0;
    private const long Big = 0x1234_5678_9abc_def0;
    private const uint Prime = 16777619;
    private const ulong Offset = 14695981039346656037;

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
