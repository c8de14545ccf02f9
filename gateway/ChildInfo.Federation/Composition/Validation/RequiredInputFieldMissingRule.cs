using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>
/// REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH: an input field is required (non-null, no default) in one subgraph
/// but another subgraph defining the input type lacks it, so no merged input type suits both.
/// </summary>
internal sealed class RequiredInputFieldMissingRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var inputs = subgraphs.SelectMany(s => s.Types.Values.Where(t => t.Kind == SupergraphTypeKind.InputObject).Select(t => (Subgraph: s, Type: t)))
            .GroupBy(x => x.Type.Name);
        foreach (var group in inputs)
        {
            var definitions = group.ToList();
            foreach (var (subgraph, type) in definitions)
            {
                foreach (var field in type.Fields.Where(f => f.Type.IsNonNull && f.Arguments.FirstOrDefault()?.DefaultValue is null))
                {
                    var missing = definitions.Where(d => d.Type.Field(field.Name) is null).Select(d => d.Subgraph.Name).ToList();
                    if (missing.Count == 0)
                    {
                        continue;
                    }

                    var coordinate = type.Name + "." + field.Name;
                    yield return new CompositionError(
                        CompositionErrorCodes.RequiredInputFieldMissingInSomeSubgraph,
                        $"Input object field \"{coordinate}\" is required in some subgraphs but does not appear in all subgraphs: it is required in subgraph \"{subgraph.Name}\" but does not appear in subgraph {string.Join(" and ", missing.Select(m => $"\"{m}\""))}",
                        subgraph.Name,
                        coordinate);
                }
            }
        }
    }
}
