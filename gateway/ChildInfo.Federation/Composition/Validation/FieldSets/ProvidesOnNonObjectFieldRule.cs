using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>PROVIDES_ON_NON_OBJECT_FIELD: a <c>@provides</c> on a field returning a scalar or enum, which has no fields to provide.</summary>
internal sealed class ProvidesOnNonObjectFieldRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var use in subgraphs.SelectMany(FieldSetUse.Of).Where(u => u.Kind == FieldSetKind.Provides))
        {
            if (use.Subgraph.Type(use.TargetType!) is not { Kind: SupergraphTypeKind.Object or SupergraphTypeKind.Interface or SupergraphTypeKind.Union })
            {
                yield return new CompositionError(
                    CompositionErrorCodes.ProvidesOnNonObjectField,
                    $"Invalid @provides directive on field \"{use.Coordinate}\": field has type \"{use.OnField!.Type}\" which is not a Composite Type",
                    use.Subgraph.Name,
                    use.Coordinate);
            }
        }
    }
}
