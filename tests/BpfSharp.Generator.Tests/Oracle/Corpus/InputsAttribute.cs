using System;

namespace BpfSharp.Oracle.Corpus;

/// <summary>
/// One extra row of arguments for the oracle, beyond the edge values it derives from the parameter types
/// (in the spirit of the kernel selftests' <c>__retval</c>: the program states what it is run on).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class InputsAttribute : Attribute
{
    public InputsAttribute(params long[] values) => Values = values;

    public long[] Values { get; }
}
