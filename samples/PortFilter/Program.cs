using System.CommandLine;
using BpfSharp.Samples;

// "tcp and port 80" two ways: `xdp` drops matching packets on an interface and counts drops and passes;
// `capture` prints the matching packets of an interface the way tcpdump does, filtered in the kernel.
var iface = new Option<string>("--iface", "-i") { Description = "Network interface", Required = true };
var port = new Option<ushort>("--port", "-p") { Description = "TCP port to match (source or destination)", DefaultValueFactory = _ => 80 };
var duration = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: until Ctrl-C)" };
var interval = new Option<double>("--interval") { Description = "Seconds between counter lines", DefaultValueFactory = _ => 1 };
var count = new Option<int?>("--count", "-c") { Description = "Stop after this many packets" };

var xdp = new Command("xdp", "Drop TCP packets to or from the port on the interface; print what was dropped and passed") { iface, port, duration, interval };
xdp.SetAction((result, cancel) => XdpCommand.RunAsync(result.GetValue(iface)!, result.GetValue(port), Seconds(result.GetValue(duration)), TimeSpan.FromSeconds(result.GetValue(interval)), cancel));

var capture = new Command("capture", "Print TCP packets to or from the port seen on the interface, filtered by a socket filter") { iface, port, duration, count };
capture.SetAction((result, cancel) => CaptureCommand.RunAsync(result.GetValue(iface)!, result.GetValue(port), Seconds(result.GetValue(duration)), result.GetValue(count), cancel));

var root = new RootCommand("tcp and port 80, in the kernel: an XDP drop filter and a socket-filter capture") { xdp, capture };
return await root.Parse(args).InvokeAsync();

static TimeSpan? Seconds(double? value) => value is { } s ? TimeSpan.FromSeconds(s) : null;
