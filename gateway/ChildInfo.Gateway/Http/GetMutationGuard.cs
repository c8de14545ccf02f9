using ChildInfo.Federation.Operations;
using GraphQLParser.AST;

namespace ChildInfo.Gateway.Http;

/// <summary>
/// GET must never run a mutation (GraphQL over HTTP: answer 405). Decided from the engine's parse of the document,
/// whatever its validation found, so a mutation sent over GET gets 405 even where the schema has no mutations; a
/// document that does not parse, or whose operation cannot be chosen, is left to the engine's error.
/// </summary>
public static class GetMutationGuard
{
    public static bool SelectsMutation(OperationDocument? document) => document?.OperationType == OperationType.Mutation;
}
