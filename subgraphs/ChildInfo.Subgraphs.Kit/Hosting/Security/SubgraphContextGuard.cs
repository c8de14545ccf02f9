using ChildInfo.Subgraphs.Contract;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// Refuses a GraphQL call without a valid signed context when the subgraph has a context key: signed for this
/// subgraph, still fresh, and bound to the very body the call carries (see <see cref="SubgraphContextVerifier"/>).
/// Schema metadata stays open: an operation that selects only <c>_service</c> and <c>__typename</c> (composition and
/// liveness probes) needs no context, since it reads no children's information.
/// </summary>
internal static class SubgraphContextGuard
{
    /// <summary>
    /// Null when the call may go ahead (the verified context, if any, is in <see cref="HttpContext.Items"/> and is the
    /// call's <see cref="HttpContext.User"/>, which resolvers read through <see cref="CallerScope.From(GraphQL.IResolveFieldContext)"/>); else why not.
    /// </summary>
    /// <param name="body">The request body as received; null for a call without one (GET).</param>
    public static async Task<string?> CheckAsync(HttpContext http, string query, ReadOnlyMemory<byte>? body)
    {
        if (http.RequestServices.GetService<SubgraphContextVerifier>() is not { } verifier)
        {
            return null;
        }

        var verification = await verifier.VerifyAsync(http.Request.Headers[SubgraphContextToken.HeaderName].ToString(), body).ConfigureAwait(false);
        if (verification.Context is { } context)
        {
            http.Items[typeof(SubgraphContext)] = context;
            http.User = new System.Security.Claims.ClaimsPrincipal(new SubgraphContextIdentity(context));
            return null;
        }

        return IsMetadataOnly(query) ? null : verification.Failure;
    }

    private static bool IsMetadataOnly(string query)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            return false;
        }

        return document.Definitions.Count > 0 && document.Definitions.All(d =>
            d is GraphQLOperationDefinition { Operation: OperationType.Query } operation
            && operation.SelectionSet.Selections.All(s => s is GraphQLField { Name.StringValue: "_service" or "__typename" }));
    }
}
