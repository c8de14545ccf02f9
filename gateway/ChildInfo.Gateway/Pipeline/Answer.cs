using System.Collections.Immutable;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>
/// What the endpoint writes for one request: the status, the GraphQL result and any headers a step asked for
/// (<c>WWW-Authenticate</c>, <c>Retry-After</c>, <c>Allow</c>). Steps return answers; only the endpoint writes them.
/// </summary>
public sealed record Answer(int Status, GatewayResult Result)
{
    public ImmutableArray<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>A request error (no <c>data</c> entry) with one error of code <paramref name="code"/>.</summary>
    public static Answer RequestError(int status, string message, string code = ErrorCodes.BadRequest) =>
        new(status, GatewayResult.RequestError(new GraphQLError(message, code)));

    public static Answer RequestError(int status, IEnumerable<GraphQLError> errors) =>
        new(status, GatewayResult.RequestError([.. errors]));

    /// <summary>This answer with one more header.</summary>
    public Answer WithHeader(string name, string value) => this with { Headers = Headers.Add(new(name, value)) };
}
