namespace BpfSharp.Generator.Model;

/// <summary>
/// A map as the skeleton exposes it: the field's name (also the map's name in the object) and the kernel map kind's
/// runtime view type, e.g. <c>BpfHashMap&lt;uint, ulong&gt;</c>.
/// </summary>
internal sealed record MapModel(string Name, string RuntimeType);
