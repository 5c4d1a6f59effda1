using System;

namespace BpfSharp;

/// <summary>
/// A perf_event program (section <c>perf_event</c>): runs on every sample of the perf events it is attached to,
/// for instance a CPU clock on each CPU. The method takes <see cref="PerfEventContext"/> and returns <c>int</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PerfEventAttribute : Attribute
{
}
