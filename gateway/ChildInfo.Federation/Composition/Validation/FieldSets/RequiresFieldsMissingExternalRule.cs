using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>
/// REQUIRES_FIELDS_MISSING_EXTERNAL: a <c>@requires</c> names a field the subgraph resolves itself; only fields marked
/// <c>@external</c> (or selected inside one) can be required from another subgraph.
/// </summary>
internal sealed class RequiresFieldsMissingExternalRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var use in subgraphs.SelectMany(FieldSetUse.Of).Where(u => u.Kind == FieldSetKind.Requires))
        {
            foreach (var selected in FieldSetWalker.Walk(use).Where(f => f.Field is { External: false } && !f.UnderExternal))
            {
                yield return new CompositionError(
                    CompositionErrorCodes.RequiresFieldsMissingExternal,
                    use.Prefix + $"field \"{selected.Type.Name}.{selected.Name}\" should not be part of a @requires since it is already provided by this subgraph (it is not marked @external)",
                    use.Subgraph.Name,
                    use.Coordinate);
            }
        }
    }
}
