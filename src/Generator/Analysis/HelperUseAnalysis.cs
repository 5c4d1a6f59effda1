using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// BPF0202 and BPF0203: a helper call the program's type may not make, or a GPL-only helper under a license the
/// kernel does not count as GPL-compatible. Both are verifier rejections ("program of this type cannot use
/// helper", "cannot call GPL-restricted function from non-GPL compatible program") caught at the call.
/// </summary>
internal static class HelperUseAnalysis
{
    public static void Analyze(IOperation body, string programName, string section, string license, DiagnosticSink sink)
    {
        var family = HelperTable.FamilyOf(section);
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation invocation || OperationFacts.HelperIdOf(invocation.TargetMethod) is not { } id)
                continue;
            if (HelperTable.Find(id) is not { } helper)
                continue;
            string name = $"{helper.Name}#{id}";
            if (family != HelperTable.Family.Other && System.Array.IndexOf(helper.Allowed, family) < 0)
            {
                string where = "it is available to " + string.Join(", ", System.Linq.Enumerable.Select(helper.Allowed, HelperTable.Describe)) + " programs";
                sink.Add(DiagnosticDescriptors.HelperNotAllowed, invocation.Syntax, programName, name, HelperTable.Describe(family), where);
            }
            if (helper.GplOnly && !HelperTable.IsGplCompatible(license))
                sink.Add(DiagnosticDescriptors.GplOnlyHelper, invocation.Syntax, programName, name, license);
        }
    }
}
