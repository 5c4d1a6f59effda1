using System.CommandLine;
using BpfSharp.Runtime;
using BpfSharp.Samples;

// The seeds' bitehist: block I/O request sizes as a log2 histogram built in the kernel from block:block_rq_issue,
// printed every interval in BCC's "kbytes : count distribution" form.
var interval = new Option<double>("--interval", "-i") { Description = "Seconds between histograms", DefaultValueFactory = _ => 5 };
var count = new Option<int>("--count", "-c") { Description = "Histograms to print; 0 prints until Ctrl-C", DefaultValueFactory = _ => 0 };
var cumulative = new Option<bool>("--cumulative") { Description = "Keep counting across intervals instead of starting each from zero" };

var root = new RootCommand("Summarizes block I/O request sizes as a histogram of kilobytes.") { interval, count, cumulative };
root.SetAction((result, cancel) => Run(result.GetValue(interval), result.GetValue(count), result.GetValue(cumulative), cancel));
return await root.Parse(args).InvokeAsync();

static async Task<int> Run(double interval, int count, bool cumulative, CancellationToken cancel)
{
    if (!Privileges.CanLoadPrograms(out string reason))
    {
        Console.Error.WriteLine(reason);
        return 1;
    }
    if (interval <= 0)
    {
        Console.Error.WriteLine("--interval must be positive.");
        return 1;
    }

    using var sizes = BlockSizes.Load();
    var histogram = new BpfPerCpuArrayMap<ulong>(sizes.Object.Map("Sizes"));
    sizes.AttachAll();
    Console.WriteLine("Tracing block I/O... Hit Ctrl-C to end.");

    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval));
    for (int printed = 0; count == 0 || printed < count; printed++)
    {
        try
        {
            await timer.WaitForNextTickAsync(cancel);
        }
        catch (OperationCanceledException)
        {
        }
        var buckets = Log2Histogram.FromMap(histogram);
        if (!cumulative)
            for (uint i = 0; i < histogram.Length; i++)
                histogram.UpdateAll(i, 0);
        Console.WriteLine();
        Console.WriteLine(DateTime.Now.ToString("HH:mm:ss"));
        string text = buckets.ToString("kbytes");
        Console.Write(text.Length > 0 ? text : "     (no block I/O)\n");
        if (cancel.IsCancellationRequested)
            break;
    }
    return 0;
}
