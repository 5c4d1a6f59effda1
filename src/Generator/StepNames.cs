namespace BpfSharp.Generator;

/// <summary>Tracking names of the generator's pipeline steps, asserted by the incremental tests.</summary>
internal static class StepNames
{
    public const string ProgramClasses = nameof(ProgramClasses);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
}
