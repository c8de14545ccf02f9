using ChildInfo.Federation;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Http;
using GraphQLParser.AST;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>
/// Hands a bound request to the engine, which parses it once, validates it, decides each field with the bound field
/// policy and plans it (from its plan cache, partitioned by the binding's scope). Then GET's one rule: it never runs a
/// mutation (GraphQL over HTTP: 405), decided from the engine's parse whatever validation found, so a mutation sent
/// over GET gets 405 even where the schema has none.
/// </summary>
public static class PrepareStep
{
    /// <summary>What the engine made of the request, and the answer when it goes no further.</summary>
    public sealed record Prepared(PrepareResult Result, Answer? Refusal)
    {
        /// <summary>The planned operation when the request may run; null when <see cref="Refusal"/> answers it.</summary>
        public PreparedOperation? Operation => Refusal is null ? Result.Operation : null;
    }

    public static async Task<Prepared> RunAsync(FederationEngine engine, HttpGraphQLRequest request, RequestBinding binding, bool isGet, ResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(binding);
        var gatewayRequest = new GatewayRequest(request.Query, request.OperationName, request.Variables, request.Extensions, binding.Context);
        var prepared = await engine.PrepareAsync(gatewayRequest, binding.ScopeKey, binding.FieldPolicy, cancellationToken).ConfigureAwait(false);
        if (isGet && prepared.Document?.OperationType == OperationType.Mutation)
        {
            return new Prepared(prepared, Answer.RequestError(StatusCodes.Status405MethodNotAllowed, "Mutations are not allowed over GET; use POST.").WithHeader("Allow", "POST"));
        }

        if (prepared.Operation is null)
        {
            // A request error answers 400 as application/graphql-response+json, 200 as application/json (the spec's legacy rule).
            var status = mediaType == ResponseMediaType.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            return new Prepared(prepared, new Answer(status, prepared.Error!));
        }

        return new Prepared(prepared, null);
    }
}
