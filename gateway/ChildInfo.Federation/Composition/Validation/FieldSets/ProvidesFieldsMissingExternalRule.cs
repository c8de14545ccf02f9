using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>
/// PROVIDES_FIELDS_MISSING_EXTERNAL: a <c>@provides</c> names a field the subgraph resolves anyway; only fields marked
/// <c>@external</c> (or selected inside one) can be provided.
/// </summary>
internal sealed class ProvidesFieldsMissingExternalRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var use in subgraphs.Where(s => !s.IsFederation1).SelectMany(FieldSetUse.Of).Where(u => u.Kind == FieldSetKind.Provides))
        {
            foreach (var selected in FieldSetWalker.Walk(use).Where(f => f.Field is { External: false } && !f.UnderExternal && !f.HasSelection))
            {
                yield return new CompositionError(
                    CompositionErrorCodes.ProvidesFieldsMissingExternal,
                    use.Prefix + $"field \"{selected.Type.Name}.{selected.Name}\" should not be part of a @provides since it is already provided by this subgraph (it is not marked @external)",
                    use.Subgraph.Name,
                    use.Coordinate);
            }
        }
    }
}
