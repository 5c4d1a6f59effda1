using BpfSharp.Bench.Codegen;

// One entry point, one subcommand per benchmark.
return args.FirstOrDefault() switch
{
    "codegen" => CodegenCommand.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: BpfSharp.Bench codegen [--repeat N] [--markdown]");
    return 2;
}
