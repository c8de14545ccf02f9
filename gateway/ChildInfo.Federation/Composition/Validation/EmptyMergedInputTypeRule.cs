using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>EMPTY_MERGED_INPUT_TYPE: input types merge by intersection, and the subgraphs defining this one share no field.</summary>
internal sealed class EmptyMergedInputTypeRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var inputs = subgraphs.SelectMany(s => s.Types.Values.Where(t => t.Kind == SupergraphTypeKind.InputObject)).GroupBy(t => t.Name);
        foreach (var group in inputs)
        {
            var definitions = group.ToList();
            var common = definitions[0].Fields.Select(f => f.Name).Where(n => definitions.All(d => d.Field(n) is not null));
            if (definitions[0].Fields.Count > 0 && !common.Any())
            {
                yield return new CompositionError(
                    CompositionErrorCodes.EmptyMergedInputType,
                    $"None of the fields of input object type \"{group.Key}\" are consistently defined in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result in an empty type.",
                    null,
                    group.Key);
            }
        }
    }
}
