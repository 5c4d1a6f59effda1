using System.Collections.ObjectModel;
using System.Reflection;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// The inputs a method is run on: the rows its <c>[Inputs(...)]</c> attributes declare, then the edge values of
/// its parameter types — every combination for one or two parameters, a seeded sample beyond that.
/// </summary>
internal static class InputSets
{
    private const int MaxCombinations = 400;

    public static IReadOnlyList<object[]> For(MethodInfo method)
    {
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var rows = new List<object[]>();
        foreach (var attribute in method.GetCustomAttributesData().Where(a => a.AttributeType.Name == "InputsAttribute"))
        {
            var values = (ReadOnlyCollection<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!;
            if (values.Count != parameters.Length)
                throw new InvalidOperationException($"{method.Name}: [Inputs] has {values.Count} values for {parameters.Length} parameters");
            rows.Add(values.Select((v, i) => IntegerValues.ToClr(Convert.ToInt64(v.Value, System.Globalization.CultureInfo.InvariantCulture), parameters[i])).ToArray());
        }
        rows.AddRange(Edges(parameters, seed: StableHash(method.Name)));
        return rows;
    }

    public static IEnumerable<object[]> Edges(Type[] parameters, int seed)
    {
        if (parameters.Length == 0)
        {
            yield return Array.Empty<object>();
            yield break;
        }
        var edges = parameters.Select(IntegerValues.Edges).ToArray();
        long combinations = edges.Aggregate(1L, (n, e) => n * e.Length);
        if (combinations <= MaxCombinations)
        {
            var index = new int[parameters.Length];
            for (long n = 0; n < combinations; n++)
            {
                yield return index.Select((k, i) => IntegerValues.ToClr(edges[i][k], parameters[i])).ToArray();
                for (int i = 0; i < index.Length && ++index[i] == edges[i].Length; i++)
                    index[i] = 0;
            }
            yield break;
        }

        // Too many to run them all: the diagonal (every edge of every parameter), then a deterministic sample.
        int longest = edges.Max(e => e.Length);
        for (int k = 0; k < longest; k++)
            yield return edges.Select((e, i) => IntegerValues.ToClr(e[k % e.Length], parameters[i])).ToArray();
        var random = new System.Random(seed);
        for (int n = longest; n < MaxCombinations; n++)
            yield return edges.Select((e, i) => IntegerValues.ToClr(e[random.Next(e.Length)], parameters[i])).ToArray();
    }

    // string.GetHashCode is randomized per process; the sample must be the same every run.
    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = 17;
            foreach (char c in text) hash = hash * 31 + c;
            return hash & 0x7fffffff;
        }
    }
}
