using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.GatewaysBench.Hosting;

/// <summary>
/// POST /graphql of one benchmark subgraph. Counts every call. In replay mode it executes each distinct request body
/// once and then answers the same body with the bytes it answered the first time, so that a gateway benchmark measures
/// the gateway and hardly the subgraph (the gateways send the same bodies for the same operation, so after the first
/// request every call is a replay).
/// </summary>
public sealed class SubgraphEndpoint(string name, bool replay)
{
    /// <summary>Distinct bodies remembered at most: a guard against a client that varies its bodies, not a tuning knob.</summary>
    public const int MaxRememberedAnswers = 10_000;

    private readonly ConcurrentDictionary<string, byte[]> _answers = new(StringComparer.Ordinal);
    private long _calls;

    public string Name { get; } = name;

    public bool Replay { get; } = replay;

    /// <summary>Calls to /graphql so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Distinct request bodies remembered for replay.</summary>
    public int RememberedAnswers => _answers.Count;

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        Interlocked.Increment(ref _calls);
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var key = Replay ? Encoding.UTF8.GetString(body) : null;
        if (key is not null && _answers.TryGetValue(key, out var remembered))
        {
            await WriteAsync(http, StatusCodes.Status200OK, remembered).ConfigureAwait(false);
            return;
        }

        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(Encoding.UTF8.GetString(body));
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(http, $"The request body is not a GraphQL request: {ex.Message}").ConfigureAwait(false);
            return;
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteErrorAsync(http, "The request has no query.").ConfigureAwait(false);
            return;
        }

        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            CancellationToken = http.RequestAborted,
        }).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, http.RequestAborted).ConfigureAwait(false);
        var answer = buffer.ToArray();
        if (key is not null && result.Executed && _answers.Count < MaxRememberedAnswers)
        {
            _answers.TryAdd(key, answer);
        }

        await WriteAsync(http, result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, answer).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream((int)Math.Clamp(http.Request.ContentLength ?? 0, 1024, 64 * 1024));
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext http, int status, byte[] answer)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer, http.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext http, string message) =>
        WriteAsync(http, StatusCodes.Status400BadRequest, JsonSerializer.SerializeToUtf8Bytes(new
        {
            errors = new[] { new { message, extensions = new { code = "BAD_REQUEST" } } },
        }));
}
