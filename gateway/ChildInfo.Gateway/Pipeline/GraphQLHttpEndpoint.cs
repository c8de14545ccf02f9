using System.Diagnostics;
using System.Globalization;
using ChildInfo.Federation;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Revisions;
using ChildInfo.RateLimiting;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>: POST with <c>application/json</c>, GET for queries (never mutations), answered
/// as <c>application/graphql-response+json</c> or <c>application/json</c> with the status codes the specification
/// gives for each. One request is one straight line of steps, each taking what the one before it returned:
/// <code>
///   authentication (ASP.NET Core middleware, before this endpoint)
///   → read (the GraphQL parameters)        → declare (purpose, justification, role, break-glass, strict)
///   → bind (caller, role, purpose, scope)  → rate limit
///   → prepare (parse once, validate, decide fields, plan)  → authorise (the planned operation)
///   → execute → shape (withheld records, plan) → audit (one record, durable before anything is written) → write
/// </code>
/// A step that refuses gives the answer at once and the steps after it do not run, but audit and write always do.
/// What the steps found goes into one immutable <see cref="RequestRecord"/>; this endpoint alone writes the response.
/// </summary>
public static class GraphQLHttpEndpoint
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
        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;
        var audit = services.GetService<GatewayAudit>();
        var measure = new RequestMeasure(services.GetService<GatewayMetrics>());
        var mediaType = AcceptNegotiation.Choose(http.Request.Headers.Accept);
        // One revision (supergraph, planner, policies) serves the whole request, whatever swaps meanwhile.
        var revision = services.GetRequiredService<GatewayState>().Current;
        http.Response.Headers[ResponseHeaders.RequestId] = http.TraceIdentifier;
        http.Response.Headers[ResponseHeaders.Revision] = revision.Number.ToString(CultureInfo.InvariantCulture);

        // Until the body is read, the record holds only declaration headers that are acceptable as they stand.
        var record = new RequestRecord(http.TraceIdentifier, revision.Supergraph, new GatewayRequestContext(http.TraceIdentifier,
            CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Purpose),
            CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Justification)));
        HttpGraphQLRequest? request = null;
        try
        {
            var answer = await StepsAsync().ConfigureAwait(false);
            record = record with { Status = answer.Status, Result = answer.Result };
            if (audit is not null)
            {
                bool recorded;
                using (GatewayTelemetry.Source.StartActivity("audit"))
                {
                    recorded = await audit.RecordAsync(record).ConfigureAwait(false);
                }

                answer = recorded ? answer : AnswerWriter.AuditUnavailable;
            }

            activity?.SetTag("http.response.status_code", answer.Status);
            using (GatewayTelemetry.Source.StartActivity("write"))
            {
                AnswerWriter.Write(http.Response, answer, mediaType);
            }

            measure.Completed = true;
        }
        catch when (audit is not null && record.Status == 0)
        {
            // The gateway failed (or the client went away) before an answer: recorded as an error, then the host's
            // last-resort handler answers 500 without details.
            await audit.RecordFailureAsync(record).ConfigureAwait(false);
            throw;
        }
        finally
        {
            measure.Ended(http, record);
            request?.Dispose();
            // Written (or failed) and recorded: nothing reads the data again, so its buffer goes back to the pool.
            record.Result?.ReleaseBuffers();
        }

        // The steps in order. Each returns an immutable result; the record grows by a new value after each.
        async Task<Answer> StepsAsync()
        {
            if (mediaType == ResponseMediaType.NotAcceptable)
            {
                return Answer.RequestError(StatusCodes.Status406NotAcceptable,
                    "The response can be application/graphql-response+json or application/json; the Accept header allows neither.");
            }

            RequestReadResult read;
            using (GatewayTelemetry.Source.StartActivity("read"))
            {
                read = isGet ? GraphQLRequestReader.ReadGet(http.Request) : await GraphQLRequestReader.ReadPostAsync(http.Request, cancellationToken).ConfigureAwait(false);
            }

            if (read.Request is null)
            {
                return Answer.RequestError(read.StatusCode, read.Error!);
            }

            request = read.Request;
            record = record with { Query = request.Query, OperationName = request.OperationName, Variables = request.Variables };

            // Caller text that travels on (signed into each subgraph call's context) is checked before anything reads it.
            var (declaration, refusal) = CallerDeclaration.Read(http.Request.Headers, request);
            if (declaration is null)
            {
                return Answer.RequestError(StatusCodes.Status400BadRequest, [refusal!]);
            }

            var context = new GatewayRequestContext(http.TraceIdentifier, declaration.Purpose, declaration.Justification);
            record = record with { Context = context };
            activity?.SetTag("childinfo.purpose", context.Purpose);

            var binding = await BindStep.RunAsync(http, declaration, context, revision, cancellationToken).ConfigureAwait(false);
            record = record with { Context = binding.Context };
            if (!binding.Allowed)
            {
                return BindStep.Refusal(binding);
            }

            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ChildInfo.Gateway.RateLimiting");
            if (await RateLimitStep.RunAsync(services.GetService<IUserRateLimiter>(), binding.Context, logger, cancellationToken).ConfigureAwait(false) is { } limited)
            {
                return limited;
            }

            var prepared = await PrepareStep.RunAsync(revision.Gateway, request, binding, isGet, mediaType, cancellationToken).ConfigureAwait(false);
            record = record with { ReachedEngine = true, Document = prepared.Result.Document };
            if (prepared.Operation is not { } operation)
            {
                return prepared.Refusal!;
            }

            measure.OperationName = operation.OperationName;
            activity?.SetTag("graphql.operation.type", operation.OperationType.ToString().ToLowerInvariant());
            // Clients choose operation names: a trace carries only registered ones, like the metrics.
            activity?.SetTag("graphql.operation.name", measure.OperationTag);

            AuthorisationDecision decision;
            using (GatewayTelemetry.Source.StartActivity("authorise"))
            {
                decision = await services.GetRequiredService<IOperationAuthoriser>().AuthoriseAsync(binding.Context, operation, cancellationToken).ConfigureAwait(false);
            }

            if (!decision.Allowed)
            {
                record = record with { Withheld = ScopeWithholding.Of(operation, null) };
                return Answer.RequestError(StatusCodes.Status403Forbidden, decision.Errors);
            }

            GatewayResult result;
            // What the response discloses is read from the merged result as it is written, for the audit.
            var disclosure = audit?.DisclosureReader(revision.Supergraph, operation.Document, request.Variables);
            using (GatewayTelemetry.Source.StartActivity("execute"))
            {
                result = await revision.Gateway.ExecuteAsync(operation, disclosure, cancellationToken).ConfigureAwait(false);
            }

            record = record with { Withheld = ScopeWithholding.Of(operation, result), Disclosure = disclosure?.Disclosure };
            return ShapeStep.Run(result, operation, decision, declaration.ShowPlan);
        }
    }
}
