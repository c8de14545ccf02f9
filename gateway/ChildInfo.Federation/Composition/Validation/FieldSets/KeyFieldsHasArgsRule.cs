using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>KEY_FIELDS_HAS_ARGS: a <c>@key</c> selects a field that takes arguments, which a key cannot pass.</summary>
internal sealed class KeyFieldsHasArgsRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var use in subgraphs.SelectMany(FieldSetUse.Of).Where(u => u.Kind == FieldSetKind.Key))
        {
            foreach (var selected in FieldSetWalker.Walk(use).Where(f => f.Field is { Arguments.Count: > 0 }))
            {
                yield return new CompositionError(
                    CompositionErrorCodes.KeyFieldsHasArgs,
                    use.Prefix + $"field {selected.Type.Name}.{selected.Name} cannot be included because it has arguments (fields with argument are not allowed in @key)",
                    use.Subgraph.Name,
                    use.Coordinate);
            }
        }
    }
}
