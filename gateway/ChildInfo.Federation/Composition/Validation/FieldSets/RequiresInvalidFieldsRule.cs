using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>REQUIRES_INVALID_FIELDS: a <c>@requires</c> that does not parse or names a field the subgraph does not declare.</summary>
internal sealed class RequiresInvalidFieldsRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var use in subgraphs.SelectMany(FieldSetUse.Of).Where(u => u.Kind == FieldSetKind.Requires))
        {
            if (FieldSetWalker.Parse(use.Fields) is null)
            {
                yield return Error(use, "the field set does not parse as a GraphQL selection.");
                continue;
            }

            foreach (var missing in FieldSetWalker.Walk(use).Where(f => f.Field is null))
            {
                yield return Error(use, $"Cannot query field \"{missing.Name}\" on type \"{missing.Type.Name}\" (if the field is defined in another subgraph, you need to add it to this subgraph with @external).");
            }
        }
    }

    private static CompositionError Error(FieldSetUse use, string why) =>
        new(CompositionErrorCodes.RequiresInvalidFields, use.Prefix + why, use.Subgraph.Name, use.Coordinate);
}
