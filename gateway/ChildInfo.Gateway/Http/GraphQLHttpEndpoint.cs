using System.Diagnostics;
using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Hosting;
using ChildInfo.RateLimiting;
using ChildInfo.Registry;
using Microsoft.Extensions.Primitives;

namespace ChildInfo.Gateway.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>: POST with <c>application/json</c>, GET for queries (never mutations), answers
/// as <c>application/graphql-response+json</c> or <c>application/json</c> with the status codes the specification
/// gives for each. The phases are read → prepare (validate, plan) → authorise → execute → write; authorisation sits
/// between validation and execution, and its scope key partitions the plan cache.
/// </summary>
public static partial class GraphQLHttpEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(path, (HttpContext http) => HandleAsync(http, isGet: false));
        endpoints.MapGet(path, (HttpContext http) => HandleAsync(http, isGet: true));
    }

    private static async Task HandleAsync(HttpContext http, bool isGet)
    {
        using var activity = GatewayTelemetry.Source.StartActivity("graphql.request", ActivityKind.Server);
        activity?.SetTag("http.request.method", isGet ? "GET" : "POST");
        var cancellationToken = http.RequestAborted;
        var mediaType = AcceptNegotiation.Choose(http.Request.Headers.Accept);

        // Every request leaves exactly one audit record, appended before anything is written (see Audit/).
        var audit = http.RequestServices.GetService<GatewayAudit>();
        // One revision (supergraph, planner, policies) serves the whole request, whatever swaps meanwhile.
        var revision = http.RequestServices.GetRequiredService<GatewayState>().Current;
        http.Features.Set(revision);
        http.Response.Headers[ResponseHeaders.RequestId] = http.TraceIdentifier;
        http.Response.Headers[ResponseHeaders.Revision] = revision.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var schema = revision.Supergraph;
        // Only acceptable values are recorded before the body is read; the declaration is checked in full below.
        var draft = audit is null ? null : new RequestAuditDraft(http.TraceIdentifier)
        {
            Purpose = CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Purpose),
            Justification = CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Justification),
        };
        if (draft is not null)
        {
            http.Features.Set(draft);
        }

        async Task<bool> AuditedAsync(int status, GatewayResult? result)
        {
            http.Features.Get<RequestMeasure>()!.Result = result;
            if (audit is null)
            {
                return true;
            }

            using (GatewayTelemetry.Source.StartActivity("audit"))
            {
                return await audit.RecordOrRefuseAsync(http, draft!, schema, status, result, mediaType).ConfigureAwait(false);
            }
        }

        var measure = new RequestMeasure(http.RequestServices.GetService<GatewayMetrics>());
        http.Features.Set(measure);
        try
        {
            await HandleAuditedAsync(http, isGet, mediaType, draft, AuditedAsync, activity, cancellationToken).ConfigureAwait(false);
            measure.Completed = true;
        }
        catch when (draft is { Recorded: false })
        {
            await audit!.RecordFailureAsync(draft, schema).ConfigureAwait(false);
            throw;
        }
        finally
        {
            measure.Ended(http);
        }
    }

    private static async Task HandleAuditedAsync(HttpContext http, bool isGet, ResponseMediaType mediaType, RequestAuditDraft? draft, Func<int, GatewayResult?, Task<bool>> auditedAsync, Activity? activity, CancellationToken cancellationToken)
    {
        if (mediaType == ResponseMediaType.NotAcceptable)
        {
            if (!await auditedAsync(StatusCodes.Status406NotAcceptable, null).ConfigureAwait(false))
            {
                return;
            }

            await GraphQLResponseWriter.WriteRequestErrorAsync(http.Response, StatusCodes.Status406NotAcceptable, mediaType,
                "The response can be application/graphql-response+json or application/json; the Accept header allows neither.", cancellationToken).ConfigureAwait(false);
            return;
        }

        RequestReadResult read;
        using (GatewayTelemetry.Source.StartActivity("read"))
        {
            read = isGet ? GraphQLRequestReader.ReadGet(http.Request) : await GraphQLRequestReader.ReadPostAsync(http.Request, cancellationToken).ConfigureAwait(false);
        }

        if (read.Request is null)
        {
            activity?.SetTag("http.response.status_code", read.StatusCode);
            if (!await auditedAsync(read.StatusCode, null).ConfigureAwait(false))
            {
                return;
            }

            await GraphQLResponseWriter.WriteRequestErrorAsync(http.Response, read.StatusCode, mediaType, read.Error!, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var request = read.Request;
        if (draft is not null)
        {
            draft.Query = request.Query;
            draft.OperationName = request.OperationName;
            draft.Variables = request.Variables;
        }

        var (status, result) = await RunAsync(http, request, isGet, mediaType, cancellationToken).ConfigureAwait(false);
        if (!await auditedAsync(status, result).ConfigureAwait(false))
        {
            activity?.SetTag("http.response.status_code", StatusCodes.Status503ServiceUnavailable);
            return;
        }

        activity?.SetTag("http.response.status_code", status);
        using (GatewayTelemetry.Source.StartActivity("write"))
        {
            await GraphQLResponseWriter.WriteAsync(http.Response, status, mediaType, result, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(int Status, GatewayResult Result)> RunAsync(HttpContext http, HttpGraphQLRequest request, bool isGet, ResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var gateway = http.Features.Get<GatewayRevision>()!.Gateway;
        var authoriser = services.GetRequiredService<IOperationAuthoriser>();
        // Caller text that travels on (signed into each subgraph call's context) is checked before anything reads it.
        var (declaration, refusal) = CallerDeclaration.Read(http.Request.Headers, request);
        if (declaration is null)
        {
            return (StatusCodes.Status400BadRequest, GatewayResult.RequestError(refusal!));
        }

        if (http.Features.Get<RequestAuditDraft>() is { } draft)
        {
            draft.Purpose = declaration.Purpose;
            draft.Justification = declaration.Justification;
        }

        var context = new GatewayRequestContext(http.TraceIdentifier, declaration.Purpose, declaration.Justification);
        Activity.Current?.SetTag("childinfo.purpose", context.Purpose);
        var binding = await authoriser.BindAsync(http, context, cancellationToken).ConfigureAwait(false);
        context = binding.Context;
        http.Features.Set(context);
        if (!binding.Allowed)
        {
            return (binding.Status, GatewayResult.RequestError([.. binding.Errors]));
        }

        if (services.GetService<IUserRateLimiter>() is { } limiter && await RateLimitedAsync(http, limiter, context, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return (StatusCodes.Status429TooManyRequests, limited);
        }

        var gatewayRequest = new GatewayRequest(request.Query, request.OperationName, request.Variables, request.Extensions, context);
        var prepared = await gateway.PrepareAsync(gatewayRequest, binding.ScopeKey, binding.FieldPolicy, cancellationToken).ConfigureAwait(false);
        if (http.Features.Get<RequestAuditDraft>() is { } audited)
        {
            audited.Prepared = prepared;
        }

        if (isGet && GetMutationGuard.SelectsMutation(prepared.Document))
        {
            http.Response.Headers.Allow = "POST";
            return (StatusCodes.Status405MethodNotAllowed, GatewayResult.RequestError(
                new GraphQLError("Mutations are not allowed over GET; use POST.", ErrorCodes.BadRequest)));
        }

        var requestErrorStatus = mediaType == ResponseMediaType.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (prepared.Operation is not { } operation)
        {
            return (requestErrorStatus, prepared.Error!);
        }

        http.Features.Get<RequestMeasure>()?.OperationName = operation.OperationName;

        Activity.Current?.SetTag("graphql.operation.type", operation.OperationType.ToString().ToLowerInvariant());
        Activity.Current?.SetTag("graphql.operation.name", operation.OperationName);

        AuthorisationDecision decision;
        using (GatewayTelemetry.Source.StartActivity("authorise"))
        {
            decision = await authoriser.AuthoriseAsync(context, operation, cancellationToken).ConfigureAwait(false);
        }

        if (!decision.Allowed)
        {
            http.Features.Set(RequestAccess.Create(context, operation, null));
            return (StatusCodes.Status403Forbidden, GatewayResult.RequestError([.. decision.Errors]));
        }

        GatewayResult result;
        using (GatewayTelemetry.Source.StartActivity("execute"))
        {
            result = await gateway.ExecuteAsync(operation, cancellationToken).ConfigureAwait(false);
        }

        // Records the subgraphs withheld by record scope are listed beside withheld fields.
        result = ScopeWithholding.Apply(result);

        http.Features.Set(RequestAccess.Create(context, operation, result));

        if (decision.MayShowPlan && IsTrue(Header(http, RequestHeaders.DebugPlan)))
        {
            result = result.WithExtension("queryPlan", JsonSerializer.SerializeToElement(operation.PlanText));
        }

        return (StatusCodes.Status200OK, result);
    }

    /// <summary>
    /// Counts the request against its user's limit; a refusal carries <c>Retry-After</c>. When the shared counter
    /// cannot be reached the request goes ahead (practitioners' work must not stop on a cache outage) and it is logged.
    /// </summary>
    private static async Task<GatewayResult?> RateLimitedAsync(HttpContext http, IUserRateLimiter limiter, GatewayRequestContext context, CancellationToken cancellationToken)
    {
        if (context.Caller?.User is not { Length: > 0 } user)
        {
            return null;
        }

        var decision = await limiter.TryAcquireAsync(user, cancellationToken).ConfigureAwait(false);
        if (decision.FailedOpen)
        {
            Log.RateLimitUnchecked(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ChildInfo.Gateway.RateLimiting"), decision.FailedOpenReason!);
        }

        if (decision.Allowed)
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return GatewayResult.RequestError(new GraphQLError($"Too many requests from this user; try again in {seconds} s.", "RATE_LIMITED"));
    }

    private static partial class Log
    {
        [LoggerMessage(EventIds.RateLimitUnchecked, LogLevel.Warning, "The per-user rate limit could not be checked, so the request went ahead uncounted: {Reason}")]
        public static partial void RateLimitUnchecked(ILogger logger, string reason);
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out StringValues value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
