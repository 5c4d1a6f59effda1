using System.Text;

namespace BpfSharp.Generator.Tests.Oracle.Random;

/// <summary>Which constructs the compiler under test supports, so the generator only writes what it may compile.</summary>
internal sealed record GeneratorFeatures(bool Calls);

/// <summary>A generated program: its seed (which regenerates it), the class it lives in, and the source.</summary>
internal sealed record RandomProgram(int Seed, string ClassName, string MethodName, string Source);

/// <summary>
/// A seeded generator of C# programs in the spirit of Csmith: one static class per seed, holding a public method
/// (the program, integer parameters in, an integer out) and the helpers it calls. Expressions mix every integer
/// type with casts; statements are declarations, assignments, compound assignments, ++/--, if/else, loops with
/// constant bounds (for, while, break, continue), switch statements and early returns, all inside
/// <c>unchecked</c>. Undefined ground is avoided: no division by zero, no MinValue / -1, no unbounded loop.
/// </summary>
internal sealed partial class ProgramGenerator
{
    private const int MaxBlockDepth = 3;
    private const int MaxLoopDepth = 2;

    private readonly System.Random _random;
    private readonly GeneratorFeatures _features;
    private readonly List<(string Name, ScalarType[] Parameters, ScalarType Returns)> _helpers = new();
    private Scope _scope = new();
    private StringBuilder _out = new();
    private int _names;
    private int _loopDepth;
    private bool _inWhile;

    private ProgramGenerator(int seed, GeneratorFeatures features)
    {
        _random = new System.Random(seed);
        _features = features;
    }

    public static RandomProgram Generate(int seed, GeneratorFeatures features)
    {
        var generator = new ProgramGenerator(seed, features);
        string className = "G" + ((uint)seed).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("public static class ").Append(className).AppendLine(" {");
        if (features.Calls)
        {
            int helpers = generator._random.Next(0, 4);
            for (int i = 0; i < helpers; i++)
                text.Append(generator.Method("H" + i, isPublic: false, statements: generator._random.Next(0, 3)));
        }
        text.Append(generator.Method("Run", isPublic: true, statements: generator._random.Next(2, 9)));
        text.AppendLine("}");
        return new RandomProgram(seed, className, "Run", text.ToString());
    }

    private string Method(string name, bool isPublic, int statements)
    {
        _scope = new Scope();
        _out = new StringBuilder();
        _loopDepth = 0;
        var returnType = _random.Next(8) == 0 ? ScalarType.Bool : Pick(ScalarType.Integers);
        int count = _random.Next(1, 6);
        var parameters = new ScalarType[count];
        for (int i = 0; i < count; i++)
        {
            parameters[i] = i == 0 || _random.Next(10) != 0 ? Pick(ScalarType.Integers) : ScalarType.Bool;
            _scope.Add("p" + i, parameters[i]);
        }

        string attributes = !isPublic && _random.Next(2) == 0 ? "[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] " : "";
        _out.Append("  ").Append(attributes).Append(isPublic ? "public" : "private").Append(" static ").Append(returnType.Name).Append(' ').Append(name)
            .Append('(').Append(string.Join(", ", parameters.Select((p, i) => p.Name + " p" + i))).AppendLine(") {");
        _out.AppendLine("    unchecked {");
        for (int i = 0; i < statements; i++)
            Statement(returnType, blockDepth: 1, indent: 3);
        Line(3, $"return {Expression(returnType, 3)};");
        _out.AppendLine("    }").AppendLine("  }");

        // Helpers are callable from later methods only: no recursion.
        if (!isPublic)
            _helpers.Add((name, parameters, returnType));
        return _out.ToString();
    }

    private void Statement(ScalarType returnType, int blockDepth, int indent)
    {
        int choice = _random.Next(blockDepth >= MaxBlockDepth ? 5 : 10);
        var assignable = _scope.Assignable();
        switch (choice)
        {
            case 0:
            case 1:
            {
                var type = _random.Next(6) == 0 ? ScalarType.Bool : Pick(ScalarType.Integers);
                string name = "v" + _names++;
                Line(indent, $"{type.Name} {name} = {Expression(type, 3)};");
                _scope.Add(name, type);
                return;
            }
            case 2:
            {
                var (name, type) = Pick(assignable);
                Line(indent, $"{name} = {Expression(type, 3)};");
                return;
            }
            case 3:
            {
                var (name, type) = Pick(assignable);
                Line(indent, CompoundAssignment(name, type));
                return;
            }
            case 4:
                if (_random.Next(3) == 0)
                    Line(indent, $"if ({Expression(ScalarType.Bool, 2)}) return {Expression(returnType, 2)};");
                else if (_loopDepth > 0 && _random.Next(2) == 0)
                    Line(indent, $"if ({Expression(ScalarType.Bool, 2)}) {(_inWhile || _random.Next(2) == 0 ? "break" : "continue")};");
                else
                    Increment(indent);
                return;
            case 5:
            case 6:
                Line(indent, $"if ({Expression(ScalarType.Bool, 3)}) {{");
                Block(returnType, blockDepth, indent);
                if (_random.Next(2) == 0)
                {
                    Line(indent, "} else {");
                    Block(returnType, blockDepth, indent);
                }
                Line(indent, "}");
                return;
            case 7:
            case 8:
                if (_loopDepth < MaxLoopDepth)
                {
                    Loop(returnType, blockDepth, indent);
                    return;
                }
                goto default;
            default:
                Switch(returnType, blockDepth, indent);
                return;
        }
    }

    private void Increment(int indent)
    {
        var numeric = _scope.Assignable().Where(v => !v.Type.IsBool).ToList();
        if (numeric.Count == 0)
            return;
        var (name, _) = Pick(numeric);
        Line(indent, Pick(new[] { $"{name}++;", $"{name}--;", $"++{name};", $"--{name};" }));
    }

    private string CompoundAssignment(string name, ScalarType type)
    {
        if (type.IsBool)
            return $"{name} {Pick(new[] { "&=", "|=", "^=" })} {Expression(ScalarType.Bool, 2)};";
        switch (_random.Next(4))
        {
            case 0:
                return $"{name} {Pick(new[] { "<<=", ">>=", ">>>=" })} {ScalarType.Int.Literal(Pick(ShiftCounts))};";
            case 1 when ScalarType.Wide.Contains(type):
                return $"{name} {Pick(new[] { "/=", "%=" })} (({Expression(type, 2)}) & 255) + 1;";
            default:
                return $"{name} {Pick(new[] { "+=", "-=", "*=", "&=", "|=", "^=" })} {Expression(type, 2)};";
        }
    }

    private void Block(ScalarType returnType, int blockDepth, int indent)
    {
        _scope.Push();
        int statements = _random.Next(1, 4);
        for (int i = 0; i < statements; i++)
            Statement(returnType, blockDepth + 1, indent + 1);
        _scope.Pop();
    }

    private void Loop(ScalarType returnType, int blockDepth, int indent)
    {
        string counter = "i" + _names++;
        int bound = _random.Next(1, 6);
        bool wasWhile = _inWhile;
        _loopDepth++;
        _scope.Push();
        if (_random.Next(3) == 0)
        {
            // A while loop whose counter steps at the end of the body: continue would skip the step, so it only breaks.
            Line(indent, $"int {counter} = 0;");
            Line(indent, $"while ({counter} < {bound}) {{");
            _scope.Add(counter, ScalarType.Int, assignable: false);
            _inWhile = true;
            Block(returnType, blockDepth, indent);
            Line(indent + 1, $"{counter}++;");
        }
        else
        {
            bool down = _random.Next(3) == 0;
            Line(indent, down ? $"for (int {counter} = {bound}; {counter} > 0; {counter}--) {{" : $"for (int {counter} = 0; {counter} < {bound}; {counter}++) {{");
            _scope.Add(counter, ScalarType.Int, assignable: false);
            _inWhile = false;
            Block(returnType, blockDepth, indent);
        }
        Line(indent, "}");
        _scope.Pop();
        _loopDepth--;
        _inWhile = wasWhile;
    }

    private void Switch(ScalarType returnType, int blockDepth, int indent)
    {
        var governing = Pick(ScalarType.Integers);
        Line(indent, $"switch ({Variable(governing)}) {{");
        var seen = new HashSet<ulong>();
        int sections = _random.Next(1, 4);
        for (int s = 0; s < sections; s++)
        {
            var labels = new List<string>();
            for (int k = _random.Next(1, 3); k > 0; k--)
            {
                long value = Interesting(governing);
                if (seen.Add(IntegerValues.ToRegister(IntegerValues.ToClr(value, governing.Clr))))
                    labels.Add($"case {governing.Literal(value)}:");
            }
            if (labels.Count == 0)
                continue;
            Line(indent + 1, string.Join(" ", labels) + " {");
            Block(returnType, blockDepth + 1, indent + 1);
            Line(indent + 2, "break;");
            Line(indent + 1, "}");
        }
        Line(indent + 1, "default: {");
        Block(returnType, blockDepth + 1, indent + 1);
        Line(indent + 2, "break;");
        Line(indent + 1, "}");
        Line(indent, "}");
    }

    private void Line(int indent, string text) => _out.Append(' ', indent * 2).AppendLine(text);
}
