using System.Globalization;
using System.Text;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Transparency;

/// <summary>How often a child's information was seen in a period, by which services and for which reasons.</summary>
public sealed record ChildAccessSummary(
    string ChildId,
    TimeSpan Period,
    int Viewed,
    int Refused,
    int Emergency,
    IReadOnlyList<(string Service, int Count)> Services,
    IReadOnlyList<(string Purpose, int Count)> Purposes)
{
    /// <summary>How often the record of access itself was read (the data protection officer's oversight).</summary>
    public int Overseen { get; init; }

    public static ChildAccessSummary From(string childId, TimeSpan period, IReadOnlyList<AuditRecord> records)
    {
        // Reading the record of access is not looking at the child's information: it is counted on its own.
        var overseen = records.Count(r => r.Purpose == AuditPurposes.Oversight && r.Outcome is AuditOutcome.Ok);
        records = [.. records.Where(r => r.Purpose != AuditPurposes.Oversight)];
        // Recording on the child's behalf is counted on its own, not as a view, though the response showed back what was written.
        var recorded = records.Count(r => Wrote(r, childId));
        var viewed = records.Where(r => Shown(r, childId) && !Wrote(r, childId)).ToList();
        return new ChildAccessSummary(
            childId,
            period,
            viewed.Count,
            records.Count - viewed.Count - recorded,
            viewed.Count(r => r.BreakGlass),
            [.. viewed.GroupBy(r => r.Organisation).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)],
            [.. viewed.GroupBy(r => r.Purpose).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)])
        {
            Overseen = overseen,
            Recorded = recorded,
        };
    }

    /// <summary>How often something was recorded on the child's behalf (their words, a wish about sharing).</summary>
    public int Recorded { get; init; }

    /// <summary>
    /// Whether <paramref name="record"/> wrote something on the child's behalf: an answered request whose record names a
    /// recording for the child that was written. A recording refused by the policies or the service is not.
    /// </summary>
    public static bool Wrote(AuditRecord record, string childId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Outcome is AuditOutcome.Ok or AuditOutcome.Partial
            && record.Payload?.Children.Any(c => c.ChildId == childId && c.Recorded.Any(f => f.Written)) == true;
    }

    /// <summary>
    /// Whether <paramref name="record"/> showed anything about the child: an answered request whose record names at
    /// least one field shown of them (or whose details retention has removed, which can only be told as a visit).
    /// A request refused, failed, or answered with nothing of this child (outside the caller's scope) is not a view.
    /// </summary>
    public static bool Shown(AuditRecord record, string childId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Outcome is AuditOutcome.Ok or AuditOutcome.Partial
            && (record.IsRedacted || record.Payload?.Children.Any(c => c.ChildId == childId && c.Disclosed.Count > 0) == true);
    }

    public string ToText()
    {
        var text = new StringBuilder();
        var span = Period.TotalDays is >= 365 and <= 366 ? "the last year" : $"the last {(int)Period.TotalDays} days";
        if (Viewed == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Nobody viewed your information in {span}.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Your information was viewed {PlainWords.Times(Viewed)} in {span}");
            text.Append(CultureInfo.InvariantCulture, $", by {(Services.Count == 1 ? "this organisation" : "these organisations")}: {string.Join("; ", Services.Select(s => $"{s.Service} ({PlainWords.Times(s.Count)})"))}");
            text.Append(CultureInfo.InvariantCulture, $", for {(Purposes.Count == 1 ? "this reason" : "these reasons")}: {string.Join("; ", Purposes.Select(p => $"{PlainWords.Purpose(p.Purpose)} ({PlainWords.Times(p.Count)})"))}.");
        }
        if (Recorded > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Something was recorded on your behalf {PlainWords.Times(Recorded)}, such as what you said or a wish about sharing.");
        }

        if (Emergency > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {PlainWords.Times(Emergency)[..1].ToUpperInvariant()}{PlainWords.Times(Emergency)[1..]} it was an emergency access, checked afterwards by the data protection officer.");
        }

        if (Refused > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {(Refused == 1 ? "One more request was" : $"{Refused} more requests were")} refused, failed or found nothing of yours to show, so nothing was shown.");
        }

        if (Overseen > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" This record of who looked at your information was itself read {PlainWords.Times(Overseen)}, to check that your information is used properly.");
        }

        return text.ToString();
    }
}
