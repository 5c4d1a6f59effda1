namespace BpfSharp.Generator.Tests.Oracle.Random;

/// <summary>The variables visible at a point of a generated method; loop counters are readable but never assigned.</summary>
internal sealed class Scope
{
    private readonly List<(string Name, ScalarType Type, bool Assignable)> _variables = new();
    private readonly Stack<int> _marks = new();

    public void Add(string name, ScalarType type, bool assignable = true) => _variables.Add((name, type, assignable));

    public void Push() => _marks.Push(_variables.Count);

    public void Pop() => _variables.RemoveRange(_marks.Peek(), _variables.Count - _marks.Pop());

    public IEnumerable<(string Name, ScalarType Type)> Readable(ScalarType type) =>
        _variables.Where(v => v.Type == type).Select(v => (v.Name, v.Type));

    public IReadOnlyList<(string Name, ScalarType Type)> Assignable() =>
        _variables.Where(v => v.Assignable).Select(v => (v.Name, v.Type)).ToList();

    public IReadOnlyList<(string Name, ScalarType Type)> All() => _variables.Select(v => (v.Name, v.Type)).ToList();
}
