using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>One field a field set selects, resolved against the subgraph (null <see cref="Field"/> when the type lacks it).</summary>
internal sealed record SelectedField(SubgraphTypeDef Type, string Name, SubgraphFieldDef? Field, bool UnderExternal, bool HasSelection);

/// <summary>
/// Walks a field set against the subgraph that declares it, yielding each selected field with the type it is
/// selected from. A field set that does not parse yields nothing and reports it through <see cref="Parse"/>.
/// </summary>
internal static class FieldSetWalker
{
    public static IReadOnlyList<FieldSetNode>? Parse(string fields)
    {
        try
        {
            return FieldSetParser.Parse(fields);
        }
        catch (SupergraphException)
        {
            return null;
        }
    }

    public static IEnumerable<SelectedField> Walk(FieldSetUse use)
    {
        var nodes = Parse(use.Fields);
        var type = use.TargetType is null ? null : use.Subgraph.Type(use.TargetType);
        return nodes is null || type is null ? [] : Walk(use.Subgraph, type, nodes, false);
    }

    private static IEnumerable<SelectedField> Walk(ParsedSubgraph subgraph, SubgraphTypeDef type, IReadOnlyList<FieldSetNode> nodes, bool underExternal)
    {
        foreach (var node in nodes)
        {
            if (node.IsFragment)
            {
                if (subgraph.Type(node.TypeCondition!) is { } condition)
                {
                    foreach (var inner in Walk(subgraph, condition, node.Children, underExternal))
                    {
                        yield return inner;
                    }
                }

                continue;
            }

            var field = type.Field(node.FieldName!);
            yield return new SelectedField(type, node.FieldName!, field, underExternal, node.Children.Count > 0);
            if (field is not null && node.Children.Count > 0 && subgraph.Type(field.Type.NamedType) is { } child)
            {
                foreach (var inner in Walk(subgraph, child, node.Children, underExternal || field.External))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Whether a field set can be read against its subgraph: it parses and selects from a type with fields.</summary>
    public static bool IsReadable(FieldSetUse use) =>
        Parse(use.Fields) is not null && use.TargetType is not null
        && use.Subgraph.Type(use.TargetType) is { Kind: SupergraphTypeKind.Object or SupergraphTypeKind.Interface or SupergraphTypeKind.Union };
}
