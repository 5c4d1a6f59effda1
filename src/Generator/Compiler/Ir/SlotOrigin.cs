using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Compiler.Ir;

/// <summary>
/// What a stack slot was made for, so that a frame over 512 bytes can be explained in C# terms: a variable
/// (<paramref name="Name"/> quoted, with its <paramref name="Type"/>), or something the compiler needed (a spill,
/// a Printk format, a temporary copy), with the source it came from when there is one.
/// </summary>
internal sealed record SlotOrigin(string Name, string? Type, LocationInfo? Location)
{
    public static readonly SlotOrigin Spill = new("register spills", null, null);

    public static SlotOrigin Variable(string name, string type, LocationInfo? declaration) => new("'" + name + "'", type, declaration);

    /// <summary>"'buf' (Sample, 400 bytes)", "Printk format (56 bytes)", "register spills (24 bytes in 3 slots)".</summary>
    public string Describe(int bytes, int slots) =>
        $"{Name} ({(Type is null ? "" : Type + ", ")}{bytes} bytes{(slots > 1 ? $" in {slots} slots" : "")})";
}
