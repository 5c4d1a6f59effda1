using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Tests.Diagnostics;

public class ScratchDump
{
    private readonly ITestOutputHelper _o;
    public ScratchDump(ITestOutputHelper o) => _o = o;

    [Fact]
    public void Dump()
    {
        var src = File.ReadAllText("/tmp/bx/dump.cs");
        var comp = GeneratorHarness.CreateCompilation(src, CorpusTests.SupportSource);
        var tree = comp.SyntaxTrees.First();
        var model = comp.GetSemanticModel(tree);
        foreach (var m in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var body = (IMethodBodyOperation)model.GetOperation(m)!;
            var g = ControlFlowGraph.Create(body);
            foreach (var b in g.Blocks)
            {
                _o.WriteLine($"B{b.Ordinal} {b.Kind} cond={b.ConditionKind} -> {b.ConditionalSuccessor?.Destination?.Ordinal} / {b.FallThroughSuccessor?.Destination?.Ordinal} {b.FallThroughSuccessor?.Semantics}");
                foreach (var op in b.Operations) Print(op, 1);
                if (b.BranchValue is { } bv) { _o.WriteLine("  branch:"); Print(bv, 2); }
            }
        }
    }

    private void Print(IOperation op, int d)
    {
        _o.WriteLine(new string(' ', d * 2) + op.Kind + " [" + op.Syntax.ToString().Replace("\n", " ") + "] " + op.Type);
        foreach (var c in op.ChildOperations) Print(c, d + 1);
    }
}
