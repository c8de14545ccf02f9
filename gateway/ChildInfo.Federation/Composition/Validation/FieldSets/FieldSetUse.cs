using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>Which directive a field set comes from, where it is applied and the type it selects from.</summary>
internal enum FieldSetKind
{
    Key,
    Requires,
    Provides,
}

/// <summary>One field set of a subgraph: a <c>@key</c> on a type, or a <c>@requires</c>/<c>@provides</c> on a field.</summary>
internal sealed record FieldSetUse(
    ParsedSubgraph Subgraph, FieldSetKind Kind, string Fields, SubgraphTypeDef Parent, SubgraphFieldDef? OnField, string? TargetType)
{
    public string DirectiveName => Kind switch
    {
        FieldSetKind.Key => "key",
        FieldSetKind.Requires => "requires",
        _ => "provides",
    };

    /// <summary>Where the directive is, as Apollo words it: <c>On type "T"</c> or <c>On field "T.f"</c>.</summary>
    public string Location => OnField is null ? $"On type \"{Parent.Name}\"" : $"On field \"{Parent.Name}.{OnField.Name}\"";

    public string Coordinate => OnField is null ? Parent.Name : Parent.Name + "." + OnField.Name;

    public string Prefix => $"{Location}, for @{DirectiveName}(fields: \"{Fields}\"): ";

    /// <summary>Every field set of a subgraph. A <c>@provides</c> selects from the field's type (null when it does not exist).</summary>
    public static IEnumerable<FieldSetUse> Of(ParsedSubgraph subgraph)
    {
        foreach (var type in subgraph.Types.Values)
        {
            foreach (var key in type.Keys)
            {
                yield return new FieldSetUse(subgraph, FieldSetKind.Key, key.Fields, type, null, type.Name);
            }

            foreach (var field in type.Fields)
            {
                if (field.Requires is not null)
                {
                    yield return new FieldSetUse(subgraph, FieldSetKind.Requires, field.Requires, type, field, type.Name);
                }

                if (field.Provides is not null)
                {
                    yield return new FieldSetUse(subgraph, FieldSetKind.Provides, field.Provides, type, field, field.Type.NamedType);
                }
            }
        }
    }
}
