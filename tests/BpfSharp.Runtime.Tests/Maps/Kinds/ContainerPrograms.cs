namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>
/// One operation per run on a queue and a stack of the same capacity: Arg(0) picks it, Arg(1) is the value pushed.
/// Pops and peeks return the element, or the helper's negative errno when there is none.
/// </summary>
public static partial class ContainerPrograms
{
    public const ulong Push = 0, PopQueue = 1, PopStack = 2, PeekQueue = 3, PeekStack = 4;

    public static readonly QueueMap<ulong> Fifo = new(3);
    public static readonly StackMap<ulong> Lifo = new(3);

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Exchange(RawTracepointContext ctx)
    {
        ulong op = ctx.Arg(0);
        ulong value = ctx.Arg(1);
        long result;
        ulong element = 0;
        if (op == Push)
        {
            long queued = Fifo.Push(value);
            long stacked = Lifo.Push(value);
            return queued == stacked ? (int)queued : -100;
        }
        if (op == PopQueue)
            result = Fifo.Pop(out element);
        else if (op == PopStack)
            result = Lifo.Pop(out element);
        else if (op == PeekQueue)
            result = Fifo.Peek(out element);
        else
            result = Lifo.Peek(out element);
        return result == 0 ? (int)element : (int)result;
    }
}
