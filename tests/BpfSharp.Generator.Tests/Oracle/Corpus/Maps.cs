namespace BpfSharp.Oracle.Corpus;

public struct FlowKey { public uint Source; public ushort Port; public byte Protocol; }

public struct FlowStats { public ulong Packets; public uint Bytes; }

/// <summary>
/// Maps and a ring buffer used with struct locals: each struct is passed by its own stack slot. Runs only through
/// the object path; every method leaves its maps as it found them, so inputs do not depend on each other.
/// </summary>
public static unsafe partial class Maps
{
    private static readonly HashMap<FlowKey, FlowStats> Flows = new(maxEntries: 64);
    private static readonly RingBuffer Events = new(size: 4096);

    public static ulong UpdateThenTryLookupStructs(uint source, ushort port)
    {
        FlowKey key = default;
        key.Source = source;
        key.Port = port;
        key.Protocol = 6;
        FlowStats stats = default;
        stats.Packets = source * 3UL + 1;
        stats.Bytes = port;
        Flows.Update(in key, in stats);
        FlowKey probe = default;
        probe.Source = source;
        probe.Port = port;
        probe.Protocol = 6;
        FlowStats found = default;
        bool hit = Flows.TryLookup(in probe, out found);
        Flows.Delete(in key);
        return hit ? found.Packets ^ found.Bytes : 0xdead;
    }

    public static ulong TryLookupIntoDeclaredStruct(uint source, ushort port)
    {
        FlowStats stats = default;
        stats.Packets = port;
        stats.Bytes = source;
        FlowKey key = default;
        key.Source = source;
        key.Port = port;
        Flows.Update(key, stats);
        bool hit = Flows.TryLookup(key, out var found);
        bool missed = Flows.TryLookup(new FlowKey { Source = source, Port = port, Protocol = 1 }, out var none);
        Flows.Delete(key);
        return (hit ? found.Packets * 7 + found.Bytes : 0xdead) + (missed ? 1000UL : none.Packets);
    }

    public static uint LookupWithSecondKey(uint source)
    {
        FlowKey first = default;
        first.Source = source;
        FlowKey second = default;
        second.Source = source + 1;
        FlowStats stats = default;
        stats.Bytes = source ^ 0x5a5a;
        Flows.Update(second, stats);
        FlowStats* atFirst = Flows.Lookup(first);
        FlowStats* atSecond = Flows.Lookup(second);
        uint result = (atFirst != null ? 1u : 0u) + (atSecond != null ? atSecond->Bytes : 2u);
        Flows.Delete(second);
        return result;
    }

    public static long OutputStructLocal(uint a, ushort b)
    {
        FlowKey other = default;
        other.Source = a;
        FlowStats record = default;
        record.Packets = a * 7UL;
        record.Bytes = b;
        return Events.Output(record) + Events.Output(in other) + other.Source;
    }
}
