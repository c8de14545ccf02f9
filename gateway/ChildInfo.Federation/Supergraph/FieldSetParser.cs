using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Supergraph;

/// <summary>Parses a federation field set such as <c>"id organisation { id }"</c>.</summary>
public static class FieldSetParser
{
    public static IReadOnlyList<FieldSetNode> Parse(string fieldSet)
    {
        try
        {
            var document = Parser.Parse("{" + fieldSet + "}");
            var operation = (GraphQLOperationDefinition)document.Definitions[0];
            return Convert(operation.SelectionSet);
        }
        catch (GraphQLParserException ex)
        {
            throw new SupergraphException($"Field set '{fieldSet}' does not parse: {ex.Message}", ex);
        }
    }

    private static FieldSetNode[] Convert(GraphQLSelectionSet? selectionSet)
    {
        if (selectionSet is null)
        {
            return [];
        }

        var nodes = new List<FieldSetNode>();
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    nodes.Add(field.Arguments is { Items.Count: > 0 } arguments
                        ? new FieldSetNode(field.Name.StringValue, null, Convert(field.SelectionSet))
                        {
                            Node = field,
                            ArgumentsText = new SDLPrinter().Print(arguments),
                        }
                        : new FieldSetNode(field.Name.StringValue, null, Convert(field.SelectionSet)));
                    break;
                case GraphQLInlineFragment fragment:
                    nodes.Add(new FieldSetNode(null, fragment.TypeCondition?.Type.Name.StringValue, Convert(fragment.SelectionSet)));
                    break;
                default:
                    throw new SupergraphException("Field sets may not use fragment spreads.");
            }
        }

        return nodes.ToArray();
    }
}
