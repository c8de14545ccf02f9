using System.Text.Json;
using ChildInfo.Audit;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Authorisation.Preferences;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Http;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The gateway's side of the audit: turns a request's <see cref="RequestAuditDraft"/> and its result into one
/// <see cref="AuditEntry"/> and appends it to the process's single <see cref="AuditLog"/>, before the response is
/// written. When the append fails the request is answered with HTTP 503 and no data.
/// </summary>
public sealed partial class GatewayAudit(AuditLog log, IAuditStore store, AuditFieldLabels labels, ILogger<GatewayAudit> logger, GatewayMetrics? metrics = null)
{
    /// <summary>Recorded when the caller is not identified (until identity provides a user, role and organisation).</summary>
    public const string Unidentified = AuditCallers.Unidentified;

    /// <summary>Recorded as the purpose when the request declared none.</summary>
    public const string NoPurpose = AuditPurposes.None;

    /// <summary>Recorded as the child of a preference set aside on a record the response does not tie to a child id.</summary>
    public const string UnattributedChild = "unattributed";

    private static readonly FederatedGatewayOptions EngineDefaults = new();

    private readonly Lock _gate = new();
    private Task? _creation;

    public AuditLog Log => log;

    public IAuditStore Store => store;

    /// <summary>Creates the store's tables once; tried again on the next call if it failed.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = store.EnsureCreatedAsync(CancellationToken.None);
            }

            return _creation.IsCompletedSuccessfully ? _creation : _creation.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Records the request and returns true; or, when the record cannot be made durable, writes HTTP 503 with a
    /// GraphQL error (and no data) and returns false: the caller must then write nothing more.
    /// </summary>
    public async Task<bool> RecordOrRefuseAsync(HttpContext http, RequestAuditDraft draft, SupergraphSchema schema, int status, GatewayResult? result, ResponseMediaType mediaType)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Recorded)
        {
            return true;
        }

        draft.Recorded = true;
        TakeBinding(http, draft, schema);
        try
        {
            // Not the request's token: a client that goes away must not leave its access unrecorded.
            await EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
            await AppendAsync(ToEntry(draft, schema, status, result)).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is AuditWriteException or System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            LogAuditFailed(logger, ex, draft.RequestId);
            if (!http.Response.HasStarted)
            {
                await GraphQLResponseWriter.WriteAsync(
                    http.Response,
                    StatusCodes.Status503ServiceUnavailable,
                    mediaType == ResponseMediaType.NotAcceptable ? ResponseMediaType.Json : mediaType,
                    GatewayResult.RequestError(new GraphQLError("This access could not be recorded in the audit log, so it was not answered. Try again later.", AuditErrorCodes.AuditUnavailable)),
                    CancellationToken.None).ConfigureAwait(false);
            }

            return false;
        }
    }

    /// <summary>Appends one entry and measures how long it took to become durable (the group commit's wait included).</summary>
    private async Task AppendAsync(AuditEntry entry)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var written = false;
        try
        {
            await log.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            written = true;
        }
        finally
        {
            metrics?.AuditAppended(System.Diagnostics.Stopwatch.GetElapsedTime(started), written);
        }
    }

    /// <summary>
    /// Takes what identity and policy bound to the request (caller, role, organisation, purpose, justification,
    /// break-glass) and what the policy withheld, from the features the endpoint sets.
    /// </summary>
    private static void TakeBinding(HttpContext http, RequestAuditDraft draft, SupergraphSchema schema)
    {
        if (http.Features.Get<GatewayRequestContext>() is { } context)
        {
            draft.User = context.Caller?.User is { Length: > 0 } user ? user : draft.User;
            draft.Organisation = context.Caller?.Organisation ?? draft.Organisation;
            draft.Role = context.Role ?? draft.Role;
            draft.Purpose = context.Purpose ?? draft.Purpose;
            draft.Justification = context.Justification ?? draft.Justification;
            draft.BreakGlass |= context.BreakGlass;
        }

        if (http.Features.Get<RequestAccess>() is { } access && draft.Withheld.Count == 0)
        {
            draft.Withheld.AddRange(access.Withheld.Select(w => new WithheldField(w.Field, w.Label, ChildDisclosureWalker.SourceOf(schema, w.Field), w.Code, w.Reason)));
        }
    }

    /// <summary>
    /// Takes what the preference guard decided while the request ran: each preference set aside (against the child whose
    /// record it was, where the response shows which child that is), and the fields it withheld, which the plan's
    /// list of withheld fields does not hold.
    /// </summary>
    private static void TakeGuardOutcome(RequestAuditDraft draft, SupergraphSchema schema, GatewayResult result, Dictionary<string, string>? childByPath)
    {
        foreach (var overridden in PreferenceOverrideNotice.From(result))
        {
            var child = childByPath?.GetValueOrDefault(ChildDisclosureWalker.PathKey(overridden.Path)) ?? UnattributedChild;
            var entry = new PreferenceOverride(child, overridden.Preference,
                $"{overridden.DataCategory} on the {overridden.Agency} record ({overridden.RecordType}: {string.Join(", ", overridden.Fields)}) " +
                $"set aside under {overridden.Rule}, legal basis {overridden.LegalBasis}: {overridden.Reason}");
            if (!draft.PreferenceOverrides.Contains(entry))
            {
                draft.PreferenceOverrides.Add(entry);
            }
        }

        foreach (var (decision, _) in result.Withheld)
        {
            if (!draft.Withheld.Exists(w => w.Field == decision.Coordinate && w.Code == decision.Code && w.Reason == decision.Reason))
            {
                draft.Withheld.Add(new WithheldField(decision.Coordinate, decision.Label, ChildDisclosureWalker.SourceOf(schema, decision.Coordinate), decision.Code, decision.Reason));
            }
        }
    }

    /// <summary>Records a request that failed inside the gateway (outcome error); a failure here is only logged.</summary>
    public async Task RecordFailureAsync(RequestAuditDraft draft, SupergraphSchema schema)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Recorded)
        {
            return;
        }

        draft.Recorded = true;
        draft.Variables = null; // they pointed into the request, which is gone by now
        try
        {
            await EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
            await AppendAsync(ToEntry(draft, schema, StatusCodes.Status500InternalServerError, null)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuditWriteException or System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            LogAuditFailed(logger, ex, draft.RequestId);
        }
    }

    /// <summary>The entry for a request that ended with <paramref name="status"/> and <paramref name="result"/> (null: no GraphQL result).</summary>
    public AuditEntry ToEntry(RequestAuditDraft draft, SupergraphSchema schema, int status, GatewayResult? result)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(schema);
        var outcome = Outcome(draft, status, result);
        JsonElement? data = null;
        JsonDocument? document = null;
        try
        {
            if (result is { IsRequestError: false } executed && outcome is AuditOutcome.Ok or AuditOutcome.Partial)
            {
                document = JsonDocument.Parse(executed.DataJson);
                data = document.RootElement;
            }

            var childByPath = result is { Notices.Count: > 0 } ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
            var touched = ChildDisclosureWalker.Walk(schema, DocumentOf(draft), draft.Variables, data, labels.Of, childByPath);
            if (result is not null && outcome is AuditOutcome.Ok or AuditOutcome.Partial)
            {
                TakeGuardOutcome(draft, schema, result, childByPath);
            }

            return new AuditEntry
            {
                RequestId = draft.RequestId,
                User = draft.User ?? Unidentified,
                Role = draft.Role ?? Unidentified,
                Organisation = draft.Organisation ?? Unidentified,
                Purpose = draft.Purpose ?? NoPurpose,
                Justification = draft.Justification,
                OperationText = draft.Query ?? "",
                Children = [.. touched.Select(c => new ChildDisclosure(c.Key, c.Value, draft.Withheld))],
                PreferenceOverrides = [.. draft.PreferenceOverrides],
                BreakGlass = draft.BreakGlass,
                Outcome = outcome,
            };
        }
        finally
        {
            document?.Dispose();
        }
    }

    /// <summary>
    /// The request's parsed operation: the engine's parse once the request reached it; for a request refused before
    /// (authentication, purpose, rate limit), the one parse of its text made here, under the engine's default limits.
    /// </summary>
    private static OperationDocument? DocumentOf(RequestAuditDraft draft)
    {
        if (draft.Prepared is { } prepared)
        {
            return prepared.Document;
        }

        return draft.Query is { Length: > 0 } query && query.Length <= EngineDefaults.MaxQueryLength
            ? OperationDocument.TryParse(query, draft.OperationName, EngineDefaults.MaxParserDepth)
            : null;
    }

    /// <summary>
    /// ok: answered in full; partial: answered with errors or withheld fields; denied: refused (401, 403) before
    /// execution; error: anything else that gave no data (bad request, parse and validation errors, failures).
    /// </summary>
    public static AuditOutcome Outcome(RequestAuditDraft draft, int status, GatewayResult? result)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            return AuditOutcome.Denied;
        }

        if (result is null || result.IsRequestError || status >= 400)
        {
            return AuditOutcome.Error;
        }

        if (result.DataJson.Span.SequenceEqual("null"u8))
        {
            return result.Errors.Count > 0 ? AuditOutcome.Error : AuditOutcome.Ok;
        }

        return result.Errors.Count > 0 || draft.Withheld.Count > 0 ? AuditOutcome.Partial : AuditOutcome.Ok;
    }

    [LoggerMessage(EventIds.AuditRecordNotWritten, LogLevel.Error, "The audit record of request {RequestId} could not be written; the request was refused.")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string requestId);
}
