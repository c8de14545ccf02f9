using System.Globalization;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Transparency;
using ChildInfo.Gateway.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The audit API for the data protection officer: <c>GET /audit/verify</c>, <c>GET /audit/children/{id}/report</c>
/// (plain text when the client accepts <c>text/plain</c>, else JSON; <c>?days=N</c>, default 365) and
/// <c>GET /audit/review</c> (<c>?after=SEQ&amp;limit=N</c>). Every call is checked by <see cref="IAuditAccessCheck"/> and
/// itself recorded in the audit (purpose <c>audit_oversight</c>), allowed or not; a report's read names its child.
/// </summary>
public static class AuditEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/audit/verify", (Delegate)((HttpContext http) => Guarded(http, VerifyAsync)));
        app.MapGet("/audit/children/{id}/report", (HttpContext http, string id) => Guarded(http, audit => ReportAsync(http, audit, id), child: id));
        app.MapGet("/audit/review", (Delegate)((HttpContext http) => Guarded(http, audit => ReviewAsync(http, audit))));
    }

    /// <summary>The access check in force: a registered <see cref="IAuditAccessCheck"/>, else <see cref="DataProtectionOfficerOnly"/>.</summary>
    public static IServiceCollection AddAuditAccessCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, IAuditAccessCheck
    {
        services.Replace(ServiceDescriptor.Singleton<IAuditAccessCheck, TCheck>());
        return services;
    }

    /// <summary>Recorded as the purpose of a call to the audit API: oversight of how children's information is used.</summary>
    public const string OversightPurpose = AuditPurposes.Oversight;

    private static async Task<IResult> Guarded(HttpContext http, Func<GatewayAudit, Task<IResult>> handler, string? child = null)
    {
        var check = http.RequestServices.GetService<IAuditAccessCheck>() ?? new DataProtectionOfficerOnly();
        var audit = http.RequestServices.GetService<GatewayAudit>();
        if (!await check.MayReadAuditAsync(http).ConfigureAwait(false))
        {
            await RecordOversightAsync(http, audit, AuditOutcome.Denied, child).ConfigureAwait(false);
            return Error(StatusCodes.Status403Forbidden, AuditErrorCodes.AuditForbidden, "Only the data protection officer may read the audit log.");
        }

        if (audit is null)
        {
            return Error(StatusCodes.Status404NotFound, "AUDIT_NOT_CONFIGURED", "This gateway runs without an audit log.");
        }

        try
        {
            await audit.EnsureCreatedAsync(http.RequestAborted).ConfigureAwait(false);
            var result = await handler(audit).ConfigureAwait(false);
            await RecordOversightAsync(http, audit, AuditOutcome.Ok, child).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, AuditErrorCodes.AuditUnavailable, "The audit store cannot be read.");
        }
    }

    /// <summary>
    /// Reading the audit is itself recorded (who, when, which call), so the overseers are overseen. A read of one child's
    /// report names that child (nothing disclosed from the agencies), so the child's next report says who read the
    /// record of access and when; verification and the review queue name no child.
    /// </summary>
    private static async Task RecordOversightAsync(HttpContext http, GatewayAudit? audit, AuditOutcome outcome, string? child)
    {
        if (audit is null)
        {
            return;
        }

        var caller = await CallerAsync(http).ConfigureAwait(false);
        await audit.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        await audit.Log.AppendAsync(new AuditEntry
        {
            RequestId = http.TraceIdentifier,
            User = caller?.User is { Length: > 0 } user ? user : GatewayAudit.Unidentified,
            Role = caller?.Roles.Contains(DataProtectionOfficerOnly.Role) == true ? DataProtectionOfficerOnly.Role : caller?.Roles.FirstOrDefault() ?? GatewayAudit.Unidentified,
            Organisation = caller?.Organisation ?? GatewayAudit.Unidentified,
            Purpose = OversightPurpose,
            OperationText = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}",
            Outcome = outcome,
            Children = child is null ? [] : [new ChildDisclosure(child, [], [])],
        }, CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task<CallerIdentity?> CallerAsync(HttpContext http) =>
        (await CallerAuthentication.OfAsync(http).ConfigureAwait(false)).Caller;

    private static async Task<IResult> VerifyAsync(GatewayAudit audit)
    {
        var check = await audit.Log.CreateVerifier().VerifyAsync().ConfigureAwait(false);
        return Results.Json(new
        {
            intact = check.IsIntact,
            summary = check.Summary,
            recordsChecked = check.RecordsChecked,
            checkpointsChecked = check.CheckpointsChecked,
            redactedRecords = check.RedactedRecords,
            firstBreak = check.FirstBreak is { } broken ? new { sequence = broken.Sequence, kind = broken.Kind.ToString(), explanation = broken.Explanation } : null,
        });
    }

    private static async Task<IResult> ReportAsync(HttpContext http, GatewayAudit audit, string childId)
    {
        if (!TryInt(http, "days", 1, 36_500, 365, out var days))
        {
            return Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "days must be a whole number from 1 to 36500.");
        }

        var report = await new AuditTransparency(audit.Store, TimeProvider.System).ReportForChildAsync(childId, TimeSpan.FromDays(days), http.RequestAborted).ConfigureAwait(false);
        if (http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Text(report.ToText(), "text/plain; charset=utf-8");
        }

        return Results.Json(new
        {
            childId = report.ChildId,
            from = report.From,
            to = report.To,
            summary = new
            {
                text = report.Summary.ToText(),
                viewed = report.Summary.Viewed,
                refused = report.Summary.Refused,
                emergency = report.Summary.Emergency,
                recorded = report.Summary.Recorded,
                services = report.Summary.Services.Select(s => new { service = s.Service, count = s.Count }),
                purposes = report.Summary.Purposes.Select(p => new { purpose = p.Purpose, count = p.Count }),
            },
            accesses = report.Accesses.Select(r => Describe(r, childId)),
        });
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, GatewayAudit audit)
    {
        if (!TryInt(http, "after", 0, int.MaxValue, 0, out var after) || !TryInt(http, "limit", 1, 1000, 100, out var limit))
        {
            return Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "after must be a record number (0 or more) and limit a whole number from 1 to 1000.");
        }

        var queue = await new AuditTransparency(audit.Store, TimeProvider.System).ReviewQueueAsync(after, limit, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(new
        {
            items = queue.Select(item => new
            {
                sequence = item.Sequence,
                time = item.Record.Time,
                user = item.Record.User,
                role = item.Record.Role,
                organisation = item.Record.Organisation,
                purpose = item.Record.Purpose,
                breakGlass = item.BreakGlass,
                preferenceOverridden = item.PreferenceOverridden,
                justification = item.Justification,
                childIds = item.Record.ChildIds,
                overrides = item.Record.Payload?.PreferenceOverrides.Select(o => new { childId = o.ChildId, preference = o.Preference, reason = o.Reason }),
            }),
        });
    }

    private static object Describe(AuditRecord record, string childId)
    {
        var mine = record.Payload?.Children.FirstOrDefault(c => c.ChildId == childId);
        return new
        {
            sequence = record.Sequence,
            time = record.Time,
            requestId = record.RequestId,
            user = record.User,
            role = record.Role,
            organisation = record.Organisation,
            purpose = record.Purpose,
            justification = record.Justification,
            outcome = record.Outcome.ToString().ToLowerInvariant(),
            breakGlass = record.BreakGlass,
            redacted = record.IsRedacted,
            disclosed = mine?.Disclosed.Select(f => new { field = f.Field, label = f.Label, source = f.Source }),
            withheld = mine?.Withheld.Select(f => new { field = f.Field, label = f.Label, source = f.Source, code = f.Code, reason = f.Reason }),
            recorded = mine?.Recorded.Select(f => new { field = f.Field, label = f.Label, source = f.Source, written = f.Written }),
            sent = mine?.Sent.Select(f => new { field = f.Field, label = f.Label, source = f.Source, sentTo = f.SentTo }),
        };
    }

    private static bool TryInt(HttpContext http, string name, int min, int max, int fallback, out int value)
    {
        value = fallback;
        var text = http.Request.Query[name].ToString();
        return text.Length == 0
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);
}
