using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Planning;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// Refuses, before validation and planning, names a client document may not use: anything in the planner's own
/// namespace (<see cref="PlannerAliases.Prefix"/>: aliases, fields, variables), an alias beginning with two underscores
/// (<c>__typename: id</c> would stand where the gateway reads an object's type), and a field beginning with two
/// underscores other than <c>__typename</c>, <c>__schema</c> and <c>__type</c>. Checked during
/// <see cref="OperationMeasure"/>'s pass over the document as written (fragments once each, never expanded), so it
/// costs no walk of its own; the errors (the first <see cref="MaxErrors"/>) are given once the limits are passed.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Enough to show what is wrong without echoing a whole hostile document back.</summary>
    private const int MaxErrors = 10;

    /// <summary>Adds an error for each of <paramref name="operation"/>'s variables named in the planner's namespace.</summary>
    public static void CheckVariables(GraphQLOperationDefinition operation, GraphQLDocument document, List<GraphQLError> errors)
    {
        foreach (var variable in operation.Variables?.Items ?? [])
        {
            var name = variable.Variable.Name.StringValue;
            if (errors.Count < MaxErrors && name.StartsWith(PlannerAliases.Prefix, StringComparison.Ordinal))
            {
                Add(errors, document, variable, $"The variable name '${name}' is reserved: names starting with '{PlannerAliases.Prefix}' belong to the gateway.");
            }
        }
    }

    /// <summary>Adds an error when <paramref name="field"/>'s name or alias is reserved.</summary>
    public static void CheckField(GraphQLField field, GraphQLDocument document, List<GraphQLError> errors)
    {
        if (errors.Count >= MaxErrors)
        {
            return;
        }

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
