using System.Text.Json;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>The field coordinates a subgraph request body selects, typed against the supergraph.</summary>
public static class SubgraphSelections
{
    public static HashSet<string> Coordinates(string body, SupergraphSchema schema)
    {
        using var json = JsonDocument.Parse(body);
        var document = GraphQLParser.Parser.Parse(json.RootElement.GetProperty("query").GetString()!);
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            Walk(operation.SelectionSet, schema.QueryType, found, fragments, schema);
        }

        return found;
    }

    private static void Walk(GraphQLSelectionSet set, string? type, HashSet<string> found, Dictionary<string, GraphQLFragmentDefinition> fragments, SupergraphSchema schema)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    string? childType = null;
                    if (type is not null)
                    {
                        found.Add(type + "." + name);
                        if (schema.Types.TryGetValue(type, out var t) && t.Field(name) is { } f)
                        {
                            childType = f.Type.NamedType;
                        }
                    }

                    if (field.SelectionSet is not null)
                    {
                        Walk(field.SelectionSet, childType, found, fragments, schema);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    Walk(inline.SelectionSet, inline.TypeCondition?.Type.Name.StringValue ?? type, found, fragments, schema);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var definition):
                    Walk(definition.SelectionSet, definition.TypeCondition.Type.Name.StringValue, found, fragments, schema);
                    break;
            }
        }
    }
}
