using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>EXTERNAL_MISSING_ON_BASE: a field marked <c>@external</c> in every subgraph that declares it, so no subgraph resolves it.</summary>
internal sealed class ExternalMissingOnBaseRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var fields = subgraphs.SelectMany(s => s.Types.Values.Where(t => !t.InterfaceObject).SelectMany(t => t.Fields.Select(f => (Subgraph: s, Type: t, Field: f))))
            .GroupBy(x => x.Type.Name + "." + x.Field.Name);
        foreach (var group in fields.Where(g => g.All(x => x.Field.External)))
        {
            var names = string.Join(" and ", group.Select(x => $"\"{x.Subgraph.Name}\""));
            yield return new CompositionError(
                CompositionErrorCodes.ExternalMissingOnBase,
                $"Field \"{group.Key}\" is marked @external on all the subgraphs in which it is listed (subgraph {names}): no subgraph resolves it.",
                group.Count() == 1 ? group.First().Subgraph.Name : null,
                group.Key);
        }
    }
}
