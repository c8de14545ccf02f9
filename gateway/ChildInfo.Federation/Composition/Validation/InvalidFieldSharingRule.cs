using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>
/// INVALID_FIELD_SHARING: a field of an object type is resolved by several subgraphs but not every one of them marks
/// it <c>@shareable</c> (key fields, <c>@external</c> fields and fields overridden away do not count).
/// </summary>
internal sealed class InvalidFieldSharingRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var resolvers = new Dictionary<string, List<(ParsedSubgraph Subgraph, bool Shareable)>>(StringComparer.Ordinal);
        var overridden = subgraphs.SelectMany(s => s.Types.Values.SelectMany(t => t.Fields.Where(f => f.OverrideFrom is not null).Select(f => (From: f.OverrideFrom!, Coordinate: t.Name + "." + f.Name))))
            .Where(o => subgraphs.FirstOrDefault(s => s.Name == o.From)?.Type(o.Coordinate.Split('.')[0])?.Field(o.Coordinate.Split('.')[1])?.OverrideFrom is null)
            .ToHashSet();
        foreach (var subgraph in subgraphs)
        {
            foreach (var type in subgraph.Types.Values.Where(t => t.Kind == SupergraphTypeKind.Object && !t.InterfaceObject))
            {
                var keyFields = type.Keys.SelectMany(k => FieldSetParser.Parse(k.Fields)).Select(f => f.FieldName).ToHashSet();
                foreach (var field in type.Fields.Where(f => !f.External))
                {
                    var coordinate = type.Name + "." + field.Name;
                    if (overridden.Contains((subgraph.Name, coordinate)))
                    {
                        continue;
                    }

                    var shareable = field.Shareable || type.Shareable || keyFields.Contains(field.Name);
                    if (!resolvers.TryGetValue(coordinate, out var list))
                    {
                        resolvers[coordinate] = list = [];
                    }

                    list.Add((subgraph, shareable));
                }
            }
        }

        foreach (var (coordinate, list) in resolvers)
        {
            if (list.Count > 1 && list.Any(x => !x.Shareable))
            {
                var names = string.Join(" and ", list.Select(x => $"\"{x.Subgraph.Name}\""));
                var where = list.All(x => !x.Shareable) ? "all of them" : "subgraph " + string.Join(" and ", list.Where(x => !x.Shareable).Select(x => $"\"{x.Subgraph.Name}\""));
                yield return new CompositionError(
                    CompositionErrorCodes.InvalidFieldSharing,
                    $"Non-shareable field \"{coordinate}\" is resolved from multiple subgraphs: it is resolved from subgraphs {names} and defined as non-shareable in {where}",
                    null,
                    coordinate);
            }
        }
    }
}
