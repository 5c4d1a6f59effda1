using BpfSharp.Bench.Codegen;
using BpfSharp.Bench.Maps;

// One entry point, one subcommand per benchmark.
return args.FirstOrDefault() switch
{
    "codegen" => CodegenCommand.Run(args.Skip(1).ToArray()),
    "maps" => MapsCommand.Run(args.Skip(1).ToArray()),
    "maps-cold" => MapsCommand.Cold(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: BpfSharp.Bench codegen [--repeat N]");
    Console.Error.WriteLine("       BpfSharp.Bench maps [--ops N] [--rounds N] [--wall] [--quick] [--diag]");
    return 2;
}
