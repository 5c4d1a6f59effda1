using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// <c>goto case</c> and <c>goto default</c> jump to the body of another section of the same switch. Forward or
/// backward, such a jump is just an edge between sections; only a cycle of them is a loop, and one the compiler
/// cannot bound.
/// </summary>
internal static class SwitchGotos
{
    /// <summary>The section each case label of <paramref name="switchStatement"/> starts (what goto case and goto default name).</summary>
    public static Dictionary<ILabelSymbol, int> SectionsByLabel(ISwitchOperation switchStatement)
    {
        var sections = new Dictionary<ILabelSymbol, int>(SymbolEqualityComparer.Default);
        for (int i = 0; i < switchStatement.Cases.Length; i++)
            foreach (var clause in switchStatement.Cases[i].Clauses)
                if (clause.Label is { } label)
                    sections[label] = i;
        return sections;
    }

    /// <summary>A goto case or goto default that closes a cycle of jumps between sections, or null when there is none.</summary>
    public static IBranchOperation? FindCycle(ISwitchOperation switchStatement, Dictionary<ILabelSymbol, int> sections)
    {
        int count = switchStatement.Cases.Length;
        var edges = new List<(int To, IBranchOperation Jump)>[count];
        for (int i = 0; i < count; i++)
        {
            edges[i] = new List<(int, IBranchOperation)>();
            foreach (var jump in switchStatement.Cases[i].Body.SelectMany(s => s.DescendantsAndSelf()).OfType<IBranchOperation>())
                if (jump.BranchKind == BranchKind.GoTo && sections.TryGetValue(jump.Target, out int to))
                    edges[i].Add((to, jump));
        }

        // Depth-first search: an edge back to a section still on the path closes a cycle.
        var state = new int[count]; // 0 unvisited, 1 on the path, 2 done
        IBranchOperation? Visit(int section)
        {
            state[section] = 1;
            foreach (var (to, jump) in edges[section])
            {
                if (state[to] == 1) return jump;
                if (state[to] == 0 && Visit(to) is { } found) return found;
            }
            state[section] = 2;
            return null;
        }

        for (int i = 0; i < count; i++)
            if (state[i] == 0 && Visit(i) is { } cycle)
                return cycle;
        return null;
    }
}
