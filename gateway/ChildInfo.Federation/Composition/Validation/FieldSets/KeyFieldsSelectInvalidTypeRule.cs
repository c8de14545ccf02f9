using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>KEY_FIELDS_SELECT_INVALID_TYPE: a <c>@key</c> selects a field of interface or union type, which cannot identify an entity.</summary>
internal sealed class KeyFieldsSelectInvalidTypeRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var use in subgraphs.SelectMany(FieldSetUse.Of).Where(u => u.Kind == FieldSetKind.Key))
        {
            foreach (var selected in FieldSetWalker.Walk(use).Where(f => f.Field is not null))
            {
                if (use.Subgraph.Type(selected.Field!.Type.NamedType) is { Kind: SupergraphTypeKind.Interface or SupergraphTypeKind.Union } type)
                {
                    yield return new CompositionError(
                        CompositionErrorCodes.KeyFieldsSelectInvalidType,
                        use.Prefix + $"field \"{selected.Type.Name}.{selected.Name}\" is a{(type.Kind == SupergraphTypeKind.Interface ? "n Interface" : " Union")} type which is not allowed in @key",
                        use.Subgraph.Name,
                        use.Coordinate);
                }
            }
        }
    }
}
