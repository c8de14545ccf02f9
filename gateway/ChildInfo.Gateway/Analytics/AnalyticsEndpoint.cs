using System.Globalization;
using System.Text.Json;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Pipeline;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Decisions;
using ChildInfo.RateLimiting;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// Aggregate questions over GraphQL at <c>/analytics/graphql</c> (POST only: a question in a URL would be kept by
/// every proxy's log). The same straight line of steps as <c>/graphql</c>, with its own execute step:
/// <code>
///   authentication (middleware) → read → declare → bind → aggregate purposes only → rate limit
///   → execute (the analytics schema: the question is planned, decided by policy, asked of the agencies and put
///     through disclosure control) → audit (one record, durable before anything is written) → write
/// </code>
/// Only aggregate-only purposes reach the schema; a row-level purpose is refused here, as the record-level API
/// refuses row-level fields to aggregate purposes.
/// </summary>
public static class AnalyticsEndpoint
{
    public const string Path = "/analytics/graphql";

    /// <summary>Longest operation text accepted: questions are short, and the text is kept in the audit record.</summary>
    public const int MaxQueryLength = 20_000;

    private static readonly AnalyticsSchema Schema = new();
    private static readonly DocumentExecuter Executer = new(new GraphQLDocumentBuilder { MaxDepth = 64 }, new DocumentValidator());
    private static readonly GraphQLSerializer Serializer = new();
    private static readonly IValidationRule[] Rules = [.. DocumentValidator.CoreRules, new ComplexityValidationRule(new ComplexityOptions { MaxDepth = 12, MaxComplexity = 50_000 })];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, HandleAsync);
        endpoints.MapGet(Path, (HttpContext http) =>
        {
            http.Response.Headers.Allow = "POST";
            GraphQLResponseWriter.WriteRequestError(http.Response, StatusCodes.Status405MethodNotAllowed, AcceptNegotiation.Choose(http.Request.Headers.Accept),
                "Aggregate questions are asked with POST, never in a URL.");
        });
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;
        var audit = services.GetService<GatewayAudit>();
        var mediaType = AcceptNegotiation.Choose(http.Request.Headers.Accept);
        var revision = services.GetRequiredService<GatewayState>().Current;
        http.Response.Headers[ResponseHeaders.RequestId] = http.TraceIdentifier;
        http.Response.Headers[ResponseHeaders.Revision] = revision.Number.ToString(CultureInfo.InvariantCulture);
        var record = new AggregateRecord(http.TraceIdentifier, new GatewayRequestContext(http.TraceIdentifier,
            CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Purpose),
            CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Justification)));
        HttpGraphQLRequest? request = null;
        try
        {
            var (status, write) = await StepsAsync().ConfigureAwait(false);
            record = record with { Status = status };
            if (audit is not null && !await audit.RecordAggregateAsync(record).ConfigureAwait(false))
            {
                AnswerWriter.Write(http.Response, AnswerWriter.AuditUnavailable, mediaType);
                return;
            }

            await write(cancellationToken).ConfigureAwait(false);
        }
        catch when (audit is not null && record.Status == 0)
        {
            // The gateway failed (or the client went away) before an answer: recorded as an error; the host's
            // last-resort handler answers 500 without details.
            _ = await audit.RecordAggregateAsync(record with { Status = StatusCodes.Status500InternalServerError, Release = null }).ConfigureAwait(false);
            throw;
        }
        finally
        {
            request?.Dispose();
        }

        // The steps in order; each refusal is an answer, and the answer is written only after the audit.
        async Task<(int Status, Func<CancellationToken, Task> Write)> StepsAsync()
        {
            if (mediaType == ResponseMediaType.NotAcceptable)
            {
                return Refuse(Answer.RequestError(StatusCodes.Status406NotAcceptable,
                    "The response can be application/graphql-response+json or application/json; the Accept header allows neither."));
            }

            var read = await GraphQLRequestReader.ReadPostAsync(http.Request, cancellationToken).ConfigureAwait(false);
            if (read.Request is null)
            {
                return Refuse(Answer.RequestError(read.StatusCode, read.Error!));
            }

            request = read.Request;
            record = record with { Query = request.Query };
            if (request.Query is not { Length: > 0 and <= MaxQueryLength })
            {
                return Refuse(Answer.RequestError(StatusCodes.Status400BadRequest,
                    request.Query is null or { Length: 0 } ? "The request has no query." : $"The query is longer than {MaxQueryLength} characters."));
            }

            var (declaration, refusal) = CallerDeclaration.Read(http.Request.Headers, request);
            if (declaration is null)
            {
                return Refuse(Answer.RequestError(StatusCodes.Status400BadRequest, [refusal!]));
            }

            var context = new GatewayRequestContext(http.TraceIdentifier, declaration.Purpose, declaration.Justification);
            record = record with { Context = context };
            var binding = await BindStep.RunAsync(http, declaration, context, revision, cancellationToken).ConfigureAwait(false);
            record = record with { Context = binding.Context };
            if (!binding.Allowed)
            {
                return Refuse(BindStep.Refusal(binding));
            }

            if (binding.Context.Scope is not { } scope || !scope.Purpose.AggregateOnly)
            {
                return Refuse(Answer.RequestError(StatusCodes.Status403Forbidden, binding.Context.Scope is null
                    ? "Aggregate questions need the gateway's policies; this gateway runs without them."
                    : $"Purpose '{binding.Context.Purpose}' is for work with one child's record; aggregate questions need an aggregate-only purpose (such as service_planning).",
                    DecisionCodes.NotAggregate));
            }

            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ChildInfo.Gateway.RateLimiting");
            if (await RateLimitStep.RunAsync(services.GetService<IUserRateLimiter>(), binding.Context, logger, cancellationToken).ConfigureAwait(false) is { } limited)
            {
                return Refuse(limited);
            }

            var analytics = services.GetService<AnalyticsServices>();
            if (analytics is null)
            {
                return Refuse(Answer.RequestError(StatusCodes.Status503ServiceUnavailable,
                    "Aggregate questions are not configured on this gateway (no disclosure control settings).", "ANALYTICS_NOT_CONFIGURED"));
            }

            var user = new AnalyticsRequest(analytics, revision, binding.Context, scope);
            var result = await Executer.ExecuteAsync(options =>
            {
                options.Schema = Schema;
                options.Query = request.Query;
                options.OperationName = request.OperationName;
                options.Variables = request.Variables is { ValueKind: JsonValueKind.Object } variables ? Serializer.ReadNode<Inputs>(variables) : null;
                options.UserContext = user;
                options.ValidationRules = Rules;
                options.CancellationToken = cancellationToken;
                options.ThrowOnUnhandledException = false;
                options.UnhandledExceptionDelegate = context =>
                {
                    // Never the exception's own words: they may name internals.
                    context.ErrorMessage = "The question could not be answered because of an error in the gateway.";
                    context.Exception = new ExecutionError(context.ErrorMessage) { Code = "INTERNAL_SERVER_ERROR" };
                    return Task.CompletedTask;
                };
            }).ConfigureAwait(false);
            // Released only if the answer carries data: a question whose table was nulled (beside a refused one) showed nothing.
            record = record with { Release = result.Data is null ? null : user.Release };
            // A request error (not parsed, not valid) has no data: 400 under the GraphQL response media type.
            var status = !result.Executed && mediaType == ResponseMediaType.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            return (status, async ct =>
            {
                http.Response.StatusCode = status;
                http.Response.ContentType = AcceptNegotiation.ContentType(mediaType);
                http.Response.Headers.CacheControl = "no-store";
                await Serializer.WriteAsync(http.Response.Body, result, ct).ConfigureAwait(false);
            });
        }

        (int, Func<CancellationToken, Task>) Refuse(Answer answer) =>
            (answer.Status, _ =>
            {
                AnswerWriter.Write(http.Response, answer, mediaType);
                return Task.CompletedTask;
            });
    }
}
