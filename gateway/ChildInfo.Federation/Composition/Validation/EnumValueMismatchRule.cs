using ChildInfo.Federation.Composition.Merging;
using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>ENUM_VALUE_MISMATCH: an enum used both as an input and as an output has values some subgraphs lack.</summary>
internal sealed class EnumValueMismatchRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var usage = EnumUsage.Of(subgraphs);
        foreach (var group in subgraphs.SelectMany(s => s.Types.Values.Where(t => t.Kind == SupergraphTypeKind.Enum).Select(t => (s, t))).GroupBy(x => x.t.Name))
        {
            if (!usage.InputExample.TryGetValue(group.Key, out var input) || !usage.OutputExample.TryGetValue(group.Key, out var output))
            {
                continue;
            }

            var definitions = group.ToList();
            foreach (var value in definitions.SelectMany(d => d.t.Values.Select(v => v.Name)).Distinct())
            {
                var missing = definitions.Where(d => d.t.Values.All(v => v.Name != value)).Select(d => d.s.Name).ToList();
                if (missing.Count > 0)
                {
                    yield return new CompositionError(
                        CompositionErrorCodes.EnumValueMismatch,
                        $"Enum type \"{group.Key}\" is used as both input type (for example, as type of \"{input}\") and output type (for example, as type of \"{output}\"), but value \"{value}\" is not defined in all the subgraphs defining \"{group.Key}\": it is missing in {string.Join(", ", missing.Select(m => $"\"{m}\""))}",
                        null,
                        group.Key + "." + value);
                }
            }
        }
    }
}
