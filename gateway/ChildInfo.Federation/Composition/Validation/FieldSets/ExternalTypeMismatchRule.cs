using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>
/// EXTERNAL_TYPE_MISMATCH: a subgraph declares an <c>@external</c> field with a type other than the one the subgraphs
/// resolving it give it (list shape and named type must agree; nullability may differ).
/// </summary>
internal sealed class ExternalTypeMismatchRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var fields = subgraphs.SelectMany(s => s.Types.Values.SelectMany(t => t.Fields.Select(f => (Subgraph: s, Type: t, Field: f))))
            .GroupBy(x => x.Type.Name + "." + x.Field.Name);
        foreach (var group in fields)
        {
            var resolver = group.FirstOrDefault(x => !x.Field.External);
            if (resolver.Field is null)
            {
                continue;
            }

            foreach (var external in group.Where(x => x.Field.External && Shape(x.Field.Type) != Shape(resolver.Field.Type)))
            {
                yield return new CompositionError(
                    CompositionErrorCodes.ExternalTypeMismatch,
                    $"Type of field \"{group.Key}\" is incompatible across subgraphs (where marked @external): it has type \"{resolver.Field.Type}\" in subgraph \"{resolver.Subgraph.Name}\" but type \"{external.Field.Type}\" in subgraph \"{external.Subgraph.Name}\"",
                    external.Subgraph.Name,
                    group.Key);
            }
        }
    }

    private static string Shape(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => type.Name!,
        TypeRefKind.List => "[" + Shape(type.OfType!) + "]",
        _ => Shape(type.OfType!),
    };
}
