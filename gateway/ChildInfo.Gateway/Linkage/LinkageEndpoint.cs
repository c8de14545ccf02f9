using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Pipeline;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Linkage.Store;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Linkage;

/// <summary>
/// The linkage job's API, for a linkage officer under a linkage-only purpose (<c>record_linkage</c>):
/// <c>POST /linkage/run</c> runs the job and answers with its figures; <c>POST /linkage/record</c>
/// (<c>{ "agency", "localId" }</c>) links one new or changed record between runs; <c>GET /linkage/review</c> lists the pairs
/// waiting for a reviewer with their evidence; <c>POST /linkage/review</c> (<c>{ "pair", "decision": "accept" |
/// "reject", "reason" }</c>) records the caller's decision; <c>GET /linkage/stats</c> says what the index holds.
/// Every call is audited (the purpose, the agencies read and the figures; no child is named) before it is answered;
/// refusals carry stable codes.
/// </summary>
public static class LinkageEndpoint
{
    public const string RunPath = "/linkage/run";
    public const string RecordPath = "/linkage/record";
    public const string ReviewPath = "/linkage/review";
    public const string StatsPath = "/linkage/stats";

    /// <summary>The caller's purpose is not linkage-only.</summary>
    public const string NotLinkage = DecisionCodes.NotLinkage;

    /// <summary>A run is already writing the index.</summary>
    public const string RunInProgress = "LINKAGE_RUN_IN_PROGRESS";

    /// <summary>The gateway has no linkage settings.</summary>
    public const string NotConfigured = "LINKAGE_NOT_CONFIGURED";

    /// <summary>A request to link one record that does not name one (agency and local id).</summary>
    public const string BadRecord = "LINKAGE_BAD_RECORD";

    /// <summary>A review decision the store cannot take (unknown pair, no reason...).</summary>
    public const string BadDecision = "LINKAGE_BAD_DECISION";

    // A member named twice is refused, not settled by whichever the reader keeps.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(RunPath, (HttpContext http) => HandleAsync(http, "link run", RunAsync));
        endpoints.MapPost(RecordPath, (HttpContext http) => HandleAsync(http, "link record", RecordAsync));
        endpoints.MapGet(ReviewPath, (HttpContext http) => HandleAsync(http, "link review (list)", ReviewAsync));
        endpoints.MapPost(ReviewPath, (HttpContext http) => HandleAsync(http, "link review (decide)", DecideAsync));
        endpoints.MapGet(StatsPath, (HttpContext http) => HandleAsync(http, "link stats", StatsAsync));
    }

    private sealed record Outcome(int Status, object Body, AggregateRelease? Release);

    private static async Task HandleAsync(HttpContext http, string operation, Func<HttpContext, LinkageServices, GatewayRequestContext, Task<Outcome>> handler)
    {
        var services = http.RequestServices;
        var audit = services.GetService<GatewayAudit>();
        var revision = services.GetRequiredService<GatewayState>().Current;
        http.Response.Headers[ResponseHeaders.RequestId] = http.TraceIdentifier;
        var declaration = new CallerDeclaration(
            CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Purpose),
            CallerDeclaration.AcceptableHeader(http.Request.Headers, RequestHeaders.Justification));
        var record = new AggregateRecord(http.TraceIdentifier, new GatewayRequestContext(http.TraceIdentifier, declaration.Purpose, declaration.Justification)) { Query = operation };
        Outcome outcome;
        try
        {
            outcome = await StepsAsync().ConfigureAwait(false);
        }
        catch when (audit is not null)
        {
            _ = await audit.RecordAggregateAsync(record with { Status = StatusCodes.Status500InternalServerError }).ConfigureAwait(false);
            throw;
        }

        record = record with { Status = outcome.Status, Release = outcome.Release };
        if (audit is not null && !await audit.RecordAggregateAsync(record).ConfigureAwait(false))
        {
            outcome = Error(StatusCodes.Status503ServiceUnavailable, "AUDIT_UNAVAILABLE", "The audit log cannot record this call, so it was not answered.");
        }

        http.Response.StatusCode = outcome.Status;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(outcome.Body, Json, http.RequestAborted).ConfigureAwait(false);

        async Task<Outcome> StepsAsync()
        {
            var binding = await BindStep.RunAsync(http, declaration, record.Context, revision, http.RequestAborted).ConfigureAwait(false);
            record = record with { Context = binding.Context };
            if (!binding.Allowed)
            {
                if (binding.Challenge is { } challenge)
                {
                    http.Response.Headers.WWWAuthenticate = challenge;
                }

                var first = binding.Errors.Count > 0 ? binding.Errors[0] : null;
                return Error(binding.Status, first?.Code ?? "FORBIDDEN", first?.Message ?? "The request is not allowed.");
            }

            if (binding.Context.Scope is not { } scope || !scope.Purpose.LinkageOnly)
            {
                return Error(StatusCodes.Status403Forbidden, NotLinkage, binding.Context.Scope is null
                    ? "The linkage job needs the gateway's policies; this gateway runs without them."
                    : $"Purpose '{binding.Context.Purpose}' is not for building the child index; the linkage job needs a linkage-only purpose (such as record_linkage).");
            }

            if (services.GetService<LinkageServices>() is not { } linkage)
            {
                return Error(StatusCodes.Status503ServiceUnavailable, NotConfigured, "The linkage job is not configured on this gateway (no child index settings).");
            }

            try
            {
                return await handler(http, linkage, binding.Context).ConfigureAwait(false);
            }
            catch (LinkageStoreException ex)
            {
                return Error(StatusCodes.Status409Conflict, LinkageJobException.StoreRefused, ex.Message);
            }
            catch (System.Data.Common.DbException)
            {
                return Error(StatusCodes.Status503ServiceUnavailable, "LINKAGE_STORE_UNAVAILABLE", "The child index database cannot be reached.");
            }
        }
    }

    private static async Task<Outcome> RunAsync(HttpContext http, LinkageServices linkage, GatewayRequestContext context)
    {
        if (!await linkage.RunGate.WaitAsync(0, http.RequestAborted).ConfigureAwait(false))
        {
            return Error(StatusCodes.Status409Conflict, RunInProgress, "A linkage run is already writing the child index; try again when it has finished.");
        }

        try
        {
            var supergraph = http.RequestServices.GetRequiredService<GatewayState>().Current.Supergraph;
            var report = await new LinkageJob(linkage, supergraph, context).RunAsync(null, http.RequestAborted).ConfigureAwait(false);
            var release = new AggregateRelease(
                $"record linkage run {report.RunId}: {report.Records:N0} records read ({string.Join(", ", report.RecordsByAgency.Select(a => $"{a.Key} {a.Value:N0}"))}); "
                + $"{report.Children:N0} children ({report.NewChildren:N0} new), {report.MovedRecords:N0} records moved, {report.Review:N0} pairs for review",
                [.. report.RecordsByAgency.Keys], 0, 0);
            return new Outcome(StatusCodes.Status200OK, report, release);
        }
        catch (LinkageJobException ex)
        {
            var status = ex.Code is DecisionCodes.IdentifyNotAllowed or DecisionCodes.NotLinkage ? StatusCodes.Status403Forbidden
                : ex.Code == LinkageJobException.StoreRefused ? StatusCodes.Status409Conflict
                : StatusCodes.Status502BadGateway;
            return Error(status, ex.Code, ex.Message + " Nothing was written: the child index is as it was.", ex.Agency);
        }
        finally
        {
            linkage.RunGate.Release();
        }
    }

    private static async Task<Outcome> RecordAsync(HttpContext http, LinkageServices linkage, GatewayRequestContext context)
    {
        RecordRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<RecordRequest>(Json, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Error(StatusCodes.Status400BadRequest, BadRecord, "The request must be JSON naming each member once: { \"agency\": \"education\", \"localId\": \"…\" }.");
        }

        if (request is not { Agency: { Length: > 0 and <= 64 } agency, LocalId: { Length: > 0 and <= 64 } localId }
            || agency.Any(char.IsControl) || localId.Any(char.IsControl))
        {
            return Error(StatusCodes.Status400BadRequest, BadRecord, "Name the record: an agency (as the gateway knows it) and its local id, each 1 to 64 characters without control characters.");
        }

        // One writer at a time: a record linked during a run would be overwritten by it.
        if (!await linkage.RunGate.WaitAsync(0, http.RequestAborted).ConfigureAwait(false))
        {
            return Error(StatusCodes.Status409Conflict, RunInProgress, "A linkage run or another record is writing the child index; try again when it has finished.");
        }

        try
        {
            var supergraph = http.RequestServices.GetRequiredService<GatewayState>().Current.Supergraph;
            var report = await new LinkageJob(linkage, supergraph, context).LinkRecordAsync(agency, localId, http.RequestAborted).ConfigureAwait(false);
            var release = new AggregateRelease(
                $"record linkage of one {report.Agency} record ({report.LinkId}): {report.Outcome} ({report.Method}){(report.NewChild ? ", new child" : "")}{(report.Moved ? ", moved from its previous child" : "")}; {report.Review:N0} pairs for review",
                [report.Agency], 0, 0);
            return new Outcome(StatusCodes.Status200OK, report, release);
        }
        catch (LinkageJobException ex)
        {
            var status = ex.Code is DecisionCodes.IdentifyNotAllowed or DecisionCodes.NotLinkage ? StatusCodes.Status403Forbidden
                : ex.Code is LinkageJobException.RecordNotFound or LinkageJobException.NothingOffered ? StatusCodes.Status404NotFound
                : ex.Code == LinkageJobException.StoreRefused ? StatusCodes.Status409Conflict
                : StatusCodes.Status502BadGateway;
            return Error(status, ex.Code, ex.Message + " Nothing was written.", ex.Agency);
        }
        finally
        {
            linkage.RunGate.Release();
        }
    }

    private static async Task<Outcome> ReviewAsync(HttpContext http, LinkageServices linkage, GatewayRequestContext context)
    {
        await linkage.Store.EnsureCreatedAsync(http.RequestAborted).ConfigureAwait(false);
        var pairs = await linkage.Store.ReviewQueueAsync(http.RequestAborted).ConfigureAwait(false);
        return new Outcome(StatusCodes.Status200OK, new { pairs }, new AggregateRelease($"review queue listed: {pairs.Count:N0} pairs with their evidence", [.. Agencies(pairs.SelectMany(p => new[] { p.RecordA, p.RecordB }))], 0, 0));
    }

    private static async Task<Outcome> DecideAsync(HttpContext http, LinkageServices linkage, GatewayRequestContext context)
    {
        DecisionRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<DecisionRequest>(Json, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Error(StatusCodes.Status400BadRequest, BadDecision, "The decision must be JSON naming each member once: { \"pair\": \"R-…\", \"decision\": \"accept\" or \"reject\", \"reason\": \"…\" }.");
        }

        if (request is not { Pair.Length: > 0 } || request.Decision is not ("accept" or "reject"))
        {
            return Error(StatusCodes.Status400BadRequest, BadDecision, "The decision needs a pair (as 'link review' lists it) and a decision of accept or reject.");
        }

        await linkage.Store.EnsureCreatedAsync(http.RequestAborted).ConfigureAwait(false);
        StoredDecision decision;
        try
        {
            decision = await linkage.Store.DecideAsync(request.Pair, request.Decision == "accept", context.Caller?.User ?? "unknown", request.Reason ?? "", http.RequestAborted).ConfigureAwait(false);
        }
        catch (LinkageStoreException ex)
        {
            return Error(StatusCodes.Status400BadRequest, BadDecision, ex.Message);
        }

        var pairId = LinkageStore.PairId(decision.RecordA, decision.RecordB);
        return new Outcome(StatusCodes.Status200OK, new { pairId, decision },
            // The reason is kept with the decision in the child index; the audit says only that one was given, since
            // a reviewer's words may name the child.
            new AggregateRelease($"review decision on pair {pairId}: {(decision.Accepted ? "accepted" : "rejected")} by {decision.Reviewer}, with a reason of {decision.Reason.Length:N0} characters", [.. Agencies([decision.RecordA, decision.RecordB])], 0, 0));
    }

    private static async Task<Outcome> StatsAsync(HttpContext http, LinkageServices linkage, GatewayRequestContext context)
    {
        await linkage.Store.EnsureCreatedAsync(http.RequestAborted).ConfigureAwait(false);
        var stats = await linkage.Store.StatsAsync(http.RequestAborted).ConfigureAwait(false);
        return new Outcome(StatusCodes.Status200OK, stats, new AggregateRelease("linkage statistics read", [], 0, 0));
    }

    private static IEnumerable<string> Agencies(IEnumerable<string> recordKeys) =>
        recordKeys.Select(k => k.Split(':', 2)[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static Outcome Error(int status, string code, string message, string? agency = null) =>
        new(status, new { error = new { code, message, agency } }, null);

    private sealed record RecordRequest(string? Agency, string? LocalId);

    private sealed record DecisionRequest(string? Pair, string? Decision, string? Reason);
}
