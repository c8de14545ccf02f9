using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>KEY_INVALID_FIELDS: a <c>@key</c> that does not parse or names a field its type does not have in that subgraph.</summary>
internal sealed class KeyInvalidFieldsRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var use in subgraphs.SelectMany(FieldSetUse.Of).Where(u => u.Kind == FieldSetKind.Key))
        {
            if (FieldSetWalker.Parse(use.Fields) is null)
            {
                yield return Error(use, "the field set does not parse as a GraphQL selection.");
                continue;
            }

            foreach (var missing in FieldSetWalker.Walk(use).Where(f => f.Field is null))
            {
                yield return Error(use, $"Cannot query field \"{missing.Name}\" on type \"{missing.Type.Name}\" (the field should either be added to this subgraph or, if it should not be resolved by this subgraph, you need to add it to this subgraph with @external).");
            }
        }
    }

    private static CompositionError Error(FieldSetUse use, string why) =>
        new(CompositionErrorCodes.KeyInvalidFields, use.Prefix + why, use.Subgraph.Name, use.Coordinate);
}
