using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ChildInfo.Gateway.Http;

/// <summary>
/// GET must never run a mutation (GraphQL over HTTP: answer 405). Decided from the document alone, before validation,
/// so a mutation sent over GET gets 405 even where the schema has no mutations; a document that does not parse, or
/// whose operation cannot be chosen, is left to the engine to report.
/// </summary>
public static class GetMutationGuard
{
    public static bool SelectsMutation(string query, string? operationName, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(query);
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.All, MaxDepth = maxDepth });
        }
        catch (GraphQLParserException)
        {
            return false;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return selected?.Operation == OperationType.Mutation;
    }
}
