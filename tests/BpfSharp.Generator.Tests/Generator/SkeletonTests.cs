using Microsoft.CodeAnalysis;

namespace BpfSharp.Tests.Generator;

/// <summary>The generated skeleton of a class with maps, globals and a program that needs an interface.</summary>
public class SkeletonTests
{
    internal const string Counter = """
        #pragma warning disable CS0414, CS0649 // globals only the kernel reads; the skeleton's warnings are what is checked
        using BpfSharp;

        namespace Demo;

        public struct FlowKey
        {
            public uint Source;
            public ushort Port;
        }

        public struct Event
        {
            public ulong Count;
            public uint Key;
        }

        internal struct Secret
        {
            public ulong Value;
        }

        public enum Mode : byte { Off, Count, Trace }

        public static unsafe partial class Counter
        {
            static readonly HashMap<FlowKey, ulong> Flows = new(maxEntries: 1024);
            static readonly ArrayMap<ulong> Slots = new(maxEntries: 4);
            static readonly LruHashMap<uint, Secret> Recent = new(maxEntries: 64);
            static readonly RingBuffer Events = new(size: 4096);

            static readonly uint Multiplier = 3;
            static readonly Mode Current = Mode.Count;
            static readonly bool Verbose = true;
            static readonly long Offset = -5;
            static ulong Calls = 10;
            static Event Last;

            [BpfProgram, RawTracepoint("sys_enter")]
            public static int Count(RawTracepointContext ctx)
            {
                var key = new FlowKey { Source = Multiplier, Port = 80 };
                Flows.Update(key, 1UL);
                Calls += 1;
                Last.Count = Calls;
                var e = new Event { Count = Calls, Key = Multiplier };
                Events.Output(e);
                return 0;
            }

            [BpfProgram, Xdp]
            public static XdpAction Pass(XdpContext ctx) => XdpAction.Pass;
        }
        """;

    [Fact]
    public void Skeleton_with_maps_and_globals_compiles_without_warnings()
    {
        var (result, output) = GeneratorHarness.Run(Counter);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Skeleton_with_maps_and_globals_matches_snapshot()
    {
        var (result, _) = GeneratorHarness.Run(Counter);
        var skeleton = result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Skeleton.g.cs"));
        Snapshot.Match("Counter.Skeleton", skeleton.SourceText.ToString());
    }

    [Fact]
    public void User_code_uses_the_typed_members()
    {
        const string user = """
            using BpfSharp.Runtime;
            using Demo;

            public static class UserCode
            {
                public static ulong Run()
                {
                    using var counter = Counter.Load(new Counter.Skeleton.Options
                    {
                        LogLevel = VerifierLogLevel.None,
                        MaxEntries = { Flows = 16 },
                        Rodata = { Multiplier = 7, Current = Mode.Trace },
                    });
                    using Counter.Skeleton plain = Counter.Load();
                    BpfHashMap<FlowKey, ulong> flows = counter.Flows;
                    BpfArrayMap<ulong> slots = counter.Slots;
                    BpfLruHashMap<uint, Secret> recent = counter.Recent;
                    BpfMap events = counter.Events;
                    // Code written when map properties were plain BpfMaps still compiles: a view converts to its map.
                    var shared = new BpfHashMap<FlowKey, ulong>(counter.Flows);
                    using RingBufferReader<Event> reader = counter.OpenEventsReader();
                    counter.Globals.Calls = 5;
                    Event last = counter.Globals.Last;
                    uint multiplier = counter.Globals.Multiplier;
                    counter.AttachPass("lo");
                    return flows.Lookup(new FlowKey()) + slots[0] + last.Count + multiplier + (ulong)recent.Name.Length + events.MaxEntries + shared.Lookup(default);
                }
            }
            """;
        var (result, output) = GeneratorHarness.Run(Counter, user);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
