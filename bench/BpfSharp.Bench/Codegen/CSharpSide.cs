using BpfSharp.Runtime;

namespace BpfSharp.Bench.Codegen;

/// <summary>The BpfSharp side: the object the generator built for a program class of this project, loaded by our runtime.</summary>
internal static class CSharpSide
{
    public static Measurement Measure(BenchProgram program, uint repeat)
    {
        using var obj = BpfObject.Load(File.ReadAllBytes(program.CSharpObjectPath));
        return Measurement.Of(obj.Program(program.Name), program.Packet(), repeat);
    }
}
