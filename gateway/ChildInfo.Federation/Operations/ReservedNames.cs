using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Planning;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// Refuses, before validation and planning, names a client document may not use: anything in the planner's own
/// namespace (<see cref="PlannerAliases.Prefix"/>: aliases, fields, variables), an alias beginning with two underscores
/// (<c>__typename: id</c> would stand where the gateway reads an object's type), and a field beginning with two
/// underscores other than <c>__typename</c>, <c>__schema</c> and <c>__type</c>. One pass over the document as written
/// (fragments once each, never expanded), so its cost is bounded by the document's length.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Enough to show what is wrong without echoing a whole hostile document back.</summary>
    private const int MaxErrors = 10;

    public static void Check(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<GraphQLError>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    foreach (var variable in operation.Variables?.Items ?? [])
                    {
                        var name = variable.Variable.Name.StringValue;
                        if (name.StartsWith(PlannerAliases.Prefix, StringComparison.Ordinal))
                        {
                            Add(errors, document, variable, $"The variable name '${name}' is reserved: names starting with '{PlannerAliases.Prefix}' belong to the gateway.");
                        }
                    }

                    CheckSelections(operation.SelectionSet, document, errors);
                    break;
                case GraphQLFragmentDefinition fragment:
                    CheckSelections(fragment.SelectionSet, document, errors);
                    break;
            }

            if (errors.Count >= MaxErrors)
            {
                break;
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestErrorsException(errors);
        }
    }

    private static void CheckSelections(GraphQLSelectionSet? set, GraphQLDocument document, List<GraphQLError> errors)
    {
        // The parser's depth limit bounds this recursion.
        foreach (var selection in set?.Selections ?? [])
        {
            if (errors.Count >= MaxErrors)
            {
                return;
            }

            switch (selection)
            {
                case GraphQLField field:
                    CheckField(field, document, errors);
                    CheckSelections(field.SelectionSet, document, errors);
                    break;
                case GraphQLInlineFragment inline:
                    CheckSelections(inline.SelectionSet, document, errors);
                    break;
            }
        }
    }

    private static void CheckField(GraphQLField field, GraphQLDocument document, List<GraphQLError> errors)
    {
        var name = field.Name.StringValue;
        if (name.StartsWith(PlannerAliases.Prefix, StringComparison.Ordinal)
            || (name.StartsWith("__", StringComparison.Ordinal) && name is not ("__typename" or "__schema" or "__type")))
        {
            Add(errors, document, field, $"The field name '{name}' is reserved: no field may start with '{PlannerAliases.Prefix}', and only __typename, __schema and __type may start with '__'.");
            return;
        }

        if (field.Alias?.Name.StringValue is not { } alias)
        {
            return;
        }

        if (alias.StartsWith(PlannerAliases.Prefix, StringComparison.Ordinal) || (alias.StartsWith("__", StringComparison.Ordinal) && alias != name))
        {
            Add(errors, document, field, $"The alias '{alias}' is reserved: aliases may not start with '{PlannerAliases.Prefix}' (the gateway's own names) or '__'.");
        }
    }

    private static void Add(List<GraphQLError> errors, GraphQLDocument document, ASTNode node, string message) =>
        errors.Add(new GraphQLError(message, ErrorCodes.ReservedName, null, [LocationOf(document, node.Location.Start)]));

    internal static ErrorLocation LocationOf(GraphQLDocument document, int offset)
    {
        var source = document.Source.Span;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new ErrorLocation(line, offset - lineStart + 1);
    }
}
