using System.Collections.ObjectModel;
using System.Text.Json;
using ChildInfo.Audit;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Federation;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Authorisation.Preferences;
using ChildInfo.Gateway.Diagnostics;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The gateway's side of the audit: turns a request's <see cref="RequestRecord"/> into one <see cref="AuditEntry"/>
/// and appends it to the process's single <see cref="AuditLog"/>, before the response is written. It says whether the
/// record is durable; the pipeline answers HTTP 503 with no data when it is not.
/// </summary>
/// <remarks>
/// A record of a child reached without <c>child(id:)</c> (an agency's own lookup, a recording on the child's behalf) is
/// named by the child index (<see cref="ChildRecordLinks"/>) before the entry is written. When the index cannot say
/// whose record an answered request showed or wrote, the entry cannot name the child, so it is not made: the request
/// is answered as when the audit cannot be written. A refused request is recorded without that child when the index
/// cannot answer, and an anonymous refused request is not looked up at all.
/// </remarks>
public sealed partial class GatewayAudit(
    AuditLog log, IAuditStore store, AuditFieldLabels labels, ILogger<GatewayAudit> logger, GatewayMetrics? metrics = null, ChildRecordLinks? links = null)
{
    /// <summary>Recorded when the caller is not identified (until identity provides a user, role and organisation).</summary>
    public const string Unidentified = AuditCallers.Unidentified;

    /// <summary>Recorded as the purpose when the request declared none.</summary>
    public const string NoPurpose = AuditPurposes.None;

    /// <summary>Recorded as the child of a preference set aside on a record the response does not tie to a child id.</summary>
    public const string UnattributedChild = "unattributed";

    private static readonly FederationEngineOptions EngineDefaults = new();

    private readonly Lock _gate = new();
    private Task? _creation;

    public AuditLog Log => log;

    public IAuditStore Store => store;

    /// <summary>
    /// A reader for the engine to hand a request's merged result to (<see cref="FederationEngine.ExecuteAsync(PreparedOperation, IMergedResponseReader?, CancellationToken)"/>):
    /// its <see cref="ResponseDisclosureReader.Disclosure"/> goes on the request's record as <see cref="RequestRecord.Disclosure"/>.
    /// </summary>
    public ResponseDisclosureReader DisclosureReader(SupergraphSchema schema, OperationDocument document, JsonElement? variables) =>
        new(schema, document, variables, labels.Of);

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
    /// Makes the request's record durable and returns true; false when it cannot be, and then the request must be
    /// answered with no data (the pipeline answers HTTP 503).
    /// </summary>
    public async Task<bool> RecordAsync(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        AuditEntry entry;
        try
        {
            entry = await ToEntryAsync(record).ConfigureAwait(false);
        }
        catch (ChildRecordLinksException ex)
        {
            LogAuditFailed(logger, ex, record.RequestId);
            return false;
        }

        return await AppendDurablyAsync(() => entry, record.RequestId).ConfigureAwait(false);
    }

    /// <summary>Appends one request's entry; false, logged, when it could not be made durable.</summary>
    private async Task<bool> AppendDurablyAsync(Func<AuditEntry> entry, string requestId)
    {
        try
        {
            // Not the request's token: a client that goes away must not leave its access unrecorded.
            await EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
            await AppendAsync(entry()).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is AuditWriteException or System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            LogAuditFailed(logger, ex, requestId);
            return false;
        }
    }

    /// <summary>
    /// Makes an aggregate request's record durable and returns true; false when it cannot be (the endpoint then answers
    /// HTTP 503 with no data). It is recorded against the analyst and purpose only: no child, so no child's access
    /// report lists it.
    /// </summary>
    public async Task<bool> RecordAggregateAsync(AggregateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = Entry(record.RequestId, record.Context, record.Query) with
        {
            Aggregate = record.Release,
            Outcome = record.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden ? AuditOutcome.Denied
                : record.Release is not null && record.Status < 400 ? AuditOutcome.Ok
                : AuditOutcome.Error,
        };
        return await AppendDurablyAsync(() => entry, record.RequestId).ConfigureAwait(false);
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
    /// Each preference the guard set aside while the request ran, against the child whose record it was where the
    /// response shows which child that is.
    /// </summary>
    private static IEnumerable<PreferenceOverride> Overrides(GatewayResult result, IReadOnlyDictionary<string, string>? childByPath) =>
        PreferenceOverrideNotice.From(result).Select(overridden => new PreferenceOverride(
            childByPath?.GetValueOrDefault(ChildDisclosureWalker.PathKey(overridden.Path)) ?? UnattributedChild,
            overridden.Preference,
            $"{overridden.DataCategory} on the {overridden.Agency} record ({overridden.RecordType}: {string.Join(", ", overridden.Fields)}) " +
            $"set aside under {overridden.Rule}, legal basis {overridden.LegalBasis}: {overridden.Reason}")).Distinct();

    /// <summary>
    /// Everything withheld, once each, as the audit records it: by the plan and record scope, then what the preference
    /// guard withheld while running (which the plan's list does not hold).
    /// </summary>
    private static List<WithheldField> Withheld(RequestRecord record, bool ran)
    {
        var withheld = new List<WithheldField>();
        foreach (var decision in record.Withheld.Select(w => w.Decision).Concat(ran && record.Result is { } result ? result.Withheld.Select(w => w.Decision) : []))
        {
            if (!withheld.Exists(w => w.Field == decision.Coordinate && w.Code == decision.Code && w.Reason == decision.Reason))
            {
                withheld.Add(new WithheldField(decision.Coordinate, decision.Label, ChildDisclosureWalker.SourceOf(record.Schema, decision.Coordinate), decision.Code, decision.Reason));
            }
        }

        return withheld;
    }

    /// <summary>Records a request that failed inside the gateway (outcome error); a failure here is only logged.</summary>
    public async Task RecordFailureAsync(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // A record that cannot be written is logged by RecordAsync; the request is failing anyway.
        _ = await RecordAsync(record with { Status = StatusCodes.Status500InternalServerError, Result = null }).ConfigureAwait(false);
    }

    /// <summary>
    /// The audit entry of <paramref name="record"/>, with the children of the agency records it reached named by the
    /// child index. Throws <see cref="ChildRecordLinksException"/> when the index cannot name them for a request that ran.
    /// </summary>
    public async Task<AuditEntry> ToEntryAsync(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var outcome = Outcome(record);
        var ran = record.Result is { IsRequestError: false } && outcome is AuditOutcome.Ok or AuditOutcome.Partial;
        IReadOnlyDictionary<string, List<DisclosedField>> touched;
        IReadOnlyDictionary<string, string>? childByPath = null;
        IReadOnlyDictionary<string, List<RecordedField>> recorded;
        IReadOnlyDictionary<string, List<SentField>>? sent = null;
        if (ran)
        {
            // Read from the merged result as it was written (ResponseDisclosureReader): the response is not parsed back.
            var disclosure = record.Disclosure ?? throw new InvalidOperationException("An executed response reached the audit without what it disclosed.");
            (touched, childByPath, recorded, sent) = (disclosure.Children, disclosure.ChildByPath, disclosure.Recorded, disclosure.Sent);
        }
        else
        {
            // Nothing shown: only lookups in the operation count, and recordings asked for, none written.
            var asked = new Dictionary<string, List<RecordedField>>(StringComparer.Ordinal);
            touched = ChildDisclosureWalker.Walk(record.Schema, DocumentOf(record), record.Variables, (JsonElement?)null, labels.Of, recorded: asked);
            recorded = asked;
        }

        var named = await NameRecordsAsync(record, touched.Keys.Concat(recorded.Keys).Concat(sent?.Keys ?? []), ran).ConfigureAwait(false);
        var withheld = Withheld(record, ran);
        var children = new Dictionary<string, (List<DisclosedField> Disclosed, List<RecordedField> Recorded, List<SentField> Sent)>(StringComparer.Ordinal);
        foreach (var (child, fields) in touched)
        {
            if (Named(child, named) is { } id)
            {
                var entry = children.TryGetValue(id, out var found) ? found : children[id] = ([], [], []);
                entry.Disclosed.AddRange(fields.Where(f => !entry.Disclosed.Contains(f)));
            }
        }

        foreach (var (child, fields) in recorded)
        {
            if (Named(child, named) is { } id)
            {
                var entry = children.TryGetValue(id, out var found) ? found : children[id] = ([], [], []);
                entry.Recorded.AddRange(fields.Where(f => !entry.Recorded.Contains(f)));
            }
        }

        foreach (var (child, fields) in sent ?? ReadOnlyDictionary<string, List<SentField>>.Empty)
        {
            if (Named(child, named) is { } id)
            {
                var entry = children.TryGetValue(id, out var found) ? found : children[id] = ([], [], []);
                entry.Sent.AddRange(fields.Where(f => !entry.Sent.Contains(f)));
            }
        }

        var context = record.Context;
        return Entry(record.RequestId, context, record.Query) with
        {
            Children = [.. children.Select(c => new ChildDisclosure(c.Key, c.Value.Disclosed, withheld) { Recorded = c.Value.Recorded, Sent = c.Value.Sent })],
            PreferenceOverrides = ran ? [.. Overrides(record.Result!, childByPath is null ? null : NamePaths(childByPath, named))] : [],
            BreakGlass = context.BreakGlass,
            Outcome = outcome,
        };
    }

    /// <summary>
    /// The child index's child for each agency record placeholder among <paramref name="touched"/>. When the index
    /// cannot answer, a request that ran fails (its entry could not name whose record it showed or wrote); a refused one
    /// is recorded without those children.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> NameRecordsAsync(RequestRecord record, IEnumerable<string> touched, bool ran)
    {
        var placeholders = touched.Where(c => AgencyRecordKeys.Parse(c) is not null).ToHashSet(StringComparer.Ordinal);
        if (placeholders.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (links is null)
        {
            LogRecordsNotNamed(logger, record.RequestId, "no child index link resolver is configured");
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (!ran && record.Context.Caller is null)
        {
            // Refused before anyone was identified: nothing was shown or written, and an anonymous caller must not be
            // able to make the gateway query the child index for every request it sends.
            LogRecordsNotNamed(logger, record.RequestId, "the request was refused before the caller was identified");
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            // Not the request's token: a client that goes away must not leave its access unrecorded.
            return await links.ResolveAsync(record.Schema, record.RequestId, placeholders, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChildRecordLinksException ex) when (!ran)
        {
            LogRecordsNotNamed(logger, record.RequestId, ex.Message);
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    /// <summary>A child id as the entry records it: itself, or the index's child of a record placeholder (null when none).</summary>
    private static string? Named(string child, IReadOnlyDictionary<string, string> named) =>
        AgencyRecordKeys.Parse(child) is null ? child : named.GetValueOrDefault(child);

    private static Dictionary<string, string> NamePaths(IReadOnlyDictionary<string, string> childByPath, IReadOnlyDictionary<string, string> named)
    {
        var paths = new Dictionary<string, string>(childByPath.Count, StringComparer.Ordinal);
        foreach (var (path, child) in childByPath)
        {
            if (Named(child, named) is { } id)
            {
                paths[path] = id;
            }
        }

        return paths;
    }

    /// <summary>Who asked, why and what, as every entry records it; the outcome is filled in by the caller.</summary>
    private static AuditEntry Entry(string requestId, GatewayRequestContext context, string? query) => new()
    {
        RequestId = requestId,
        User = context.Caller?.User is { Length: > 0 } user ? user : Unidentified,
        Role = context.Role ?? Unidentified,
        Organisation = context.Caller?.Organisation ?? Unidentified,
        Purpose = context.Purpose ?? NoPurpose,
        Justification = context.Justification,
        OperationText = query ?? "",
        Outcome = AuditOutcome.Error,
    };

    /// <summary>
    /// The request's parsed operation: the engine's parse once the request reached it; for a request refused before
    /// (authentication, purpose, rate limit), the one parse of its text made here, under the engine's default limits.
    /// </summary>
    private static OperationDocument? DocumentOf(RequestRecord record)
    {
        if (record.ReachedEngine)
        {
            return record.Document;
        }

        return record.Query is { Length: > 0 } query && query.Length <= EngineDefaults.MaxQueryLength
            ? OperationDocument.TryParse(query, record.OperationName, EngineDefaults.MaxParserDepth)
            : null;
    }

    /// <summary>
    /// ok: answered in full; partial: answered with errors or withheld fields; denied: refused (401, 403) before
    /// execution; error: anything else that gave no data (bad request, parse and validation errors, failures).
    /// </summary>
    public static AuditOutcome Outcome(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (status, result) = (record.Status, record.Result);
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

        return result.Errors.Count > 0 || !record.Withheld.IsEmpty ? AuditOutcome.Partial : AuditOutcome.Ok;
    }

    [LoggerMessage(EventIds.AuditRecordsNotNamed, LogLevel.Warning, "The audit record of request {RequestId} does not name the children of the agency records it reached: {Reason}.")]
    private static partial void LogRecordsNotNamed(ILogger logger, string requestId, string reason);

    [LoggerMessage(EventIds.AuditRecordNotWritten, LogLevel.Error, "The audit record of request {RequestId} could not be written; the request was refused.")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string requestId);
}
