using System.CommandLine;
using BpfSharp.Samples;

// An XDP DDoS guard: `run` attaches it and pins its maps; `block`, `unblock` and `stats`, run from another shell,
// edit and read those pinned maps while it runs.
var iface = new Option<string>("--iface", "-i") { Description = "Network interface", Required = true };
var pps = new Option<ulong>("--pps") { Description = "Packets per second one source may send", DefaultValueFactory = _ => 1000 };
var interval = new Option<double>("--interval") { Description = "Seconds between counter lines", DefaultValueFactory = _ => 1 };
var duration = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: until Ctrl-C)" };
var cidr = new Argument<string>("cidr") { Description = "An IPv4 or IPv6 address or prefix, e.g. 192.0.2.0/24 or 2001:db8::/32" };
// `ip netns exec` mounts a fresh /sys, so a guard run in a namespace and the commands editing it share pins only
// through a bpffs mounted elsewhere.
var bpffs = new Option<string>("--bpffs") { Description = "bpffs mount for the pins", DefaultValueFactory = _ => "/sys/fs/bpf", Recursive = true };
var top = new Option<int>("--top") { Description = "How many sources to list", DefaultValueFactory = _ => 10 };

var run = new Command("run", "Attach the guard to the interface and pin its maps") { iface, pps, interval, duration };
run.SetAction((r, cancel) => RunCommand.RunAsync(r.GetValue(iface)!, r.GetValue(pps), TimeSpan.FromSeconds(r.GetValue(interval)),
    r.GetValue(duration) is { } s ? TimeSpan.FromSeconds(s) : null, cancel));

var block = new Command("block", "Drop every packet from the prefix (on a running guard)") { cidr, iface };
block.SetAction(r => EditCommands.Block(r.GetValue(iface)!, r.GetValue(cidr)!));

var unblock = new Command("unblock", "Remove the prefix from the blocklist (on a running guard)") { cidr, iface };
unblock.SetAction(r => EditCommands.Unblock(r.GetValue(iface)!, r.GetValue(cidr)!));

var stats = new Command("stats", "Print a running guard's totals, blocklist hits and busiest sources") { iface, top };
stats.SetAction(r => EditCommands.Stats(r.GetValue(iface)!, r.GetValue(top)));

var root = new RootCommand("XDP DDoS guard: a prefix blocklist and a per-source packets-per-second limit") { run, block, unblock, stats, bpffs };
var parsed = root.Parse(args);
GuardMaps.Root = parsed.GetValue(bpffs) ?? "/sys/fs/bpf";
return await parsed.InvokeAsync();
