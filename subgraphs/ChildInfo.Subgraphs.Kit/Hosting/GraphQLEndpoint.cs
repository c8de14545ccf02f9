using System.Text.Json;
using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildInfo.Subgraphs.Kit.Hosting;

/// <summary>
/// GraphQL over HTTP for a subgraph: POST (and GET for queries) with JSON bodies. Bad input always gets a
/// GraphQL error response with a clear message; a failure inside a resolver is logged and masked.
/// </summary>
internal static partial class GraphQLEndpoint
{
    public static void Map(WebApplication app, string path)
    {
        app.MapPost(path, HandlePostAsync);
        app.MapGet(path, HandleGetAsync);
    }

    private static async Task HandlePostAsync(HttpContext http)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        // The body is read whole (Kestrel bounds its size) because the signed context is bound to its exact bytes.
        byte[] body;
        GraphQLRequest? request;
        try
        {
            body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
            using var stream = new MemoryStream(body, writable: false);
            request = await serializer.ReadAsync<GraphQLRequest>(stream, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", $"The request body is not a valid GraphQL request: {ex.Message}").ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException ex)
        {
            await WriteRequestErrorAsync(http, ex.StatusCode, "BAD_REQUEST", ex.Message).ConfigureAwait(false);
            return;
        }
        await ExecuteAsync(http, request, body).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Presized from Content-Length only up to 64 KB: the header is the caller's word, the size limit is Kestrel's.
        using var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 0, 4096, 64 * 1024));
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task HandleGetAsync(HttpContext http)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var query = http.Request.Query;
        Inputs? variables = null;
        if (query.TryGetValue("variables", out var raw) && !string.IsNullOrEmpty(raw))
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(raw!);
            }
            catch (JsonException ex)
            {
                await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", $"The variables parameter is not valid JSON: {ex.Message}").ConfigureAwait(false);
                return;
            }
        }
        await ExecuteAsync(http, new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = variables }, body: null).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(HttpContext http, GraphQLRequest? request, ReadOnlyMemory<byte>? body)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", "The request has no query.").ConfigureAwait(false);
            return;
        }
        var services = http.RequestServices;
        var options = services.GetRequiredService<SubgraphHostOptions>();
        if (await SubgraphContextGuard.CheckAsync(http, request.Query, body).ConfigureAwait(false) is { } refusal)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", refusal).ConfigureAwait(false);
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ChildInfo.Subgraph");
        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = http.User,
            CancellationToken = http.RequestAborted,
            ValidationRules = body is null ? ValidationRules(http, options).Append(QueryOnlyOverGetRule.Instance) : ValidationRules(http, options),
            UnhandledExceptionDelegate = context =>
            {
                Log.ResolverFailed(logger, context.Exception, context.FieldContext?.FieldDefinition.Name ?? "(none)");
                context.ErrorMessage = "The subgraph could not resolve this field.";
                return Task.CompletedTask;
            },
        }).ConfigureAwait(false);

        http.Response.ContentType = "application/json; charset=utf-8";
        if (!result.Executed)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await services.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The core rules, the entity batch limit and, for a call with a verified context, its labels and links.</summary>
    private static IEnumerable<IValidationRule> ValidationRules(HttpContext http, SubgraphHostOptions options)
    {
        var rules = DocumentValidator.CoreRules.Append(new EntityBatchLimitRule(options.MaxRepresentations));
        return http.Items.TryGetValue(typeof(SubgraphContext), out var found) && found is SubgraphContext context
            ? rules.Append(new ContextLabelRule(http.RequestServices.GetRequiredService<FieldClassification>(), context))
            : rules;
    }

    private static async Task WriteRequestErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = new[] { new { message, extensions = new { code } } },
        }, cancellationToken: http.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "A resolver failed on field {Field}.")]
        public static partial void ResolverFailed(ILogger logger, Exception exception, string field);
    }
}
