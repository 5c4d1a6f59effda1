namespace BpfSharp.Generator.Model;

/// <summary>
/// A global variable as the skeleton exposes it: its field name (the object's variable name), fully qualified C#
/// type, whether it is read-only (<c>.rodata</c>: set before load through the options, read after), and its declared
/// initial value as a C# expression of that type.
/// </summary>
/// <param name="Accessibility">"public", or "internal" when its type is not public.</param>
internal sealed record GlobalModel(string Name, string TypeName, bool ReadOnly, string Initial, string Accessibility = "public");
