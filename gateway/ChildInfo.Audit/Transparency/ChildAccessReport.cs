using System.Globalization;
using System.Text;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Transparency;

/// <summary>
/// Every access to one child's information in a period, for a subject access request or a family's question
/// "who looked at my information, when, and why". <see cref="ToText"/> writes it in plain English.
/// </summary>
public sealed record ChildAccessReport(string ChildId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AuditRecord> Accesses, ChildAccessSummary Summary)
{
    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Who has looked at your information ({ChildId})");
        text.AppendLine(CultureInfo.InvariantCulture, $"From {Date(From)} to {Date(To)}.");
        text.AppendLine();
        text.AppendLine(Summary.ToText());
        foreach (var access in Accesses)
        {
            text.AppendLine();
            Describe(access, text);
        }

        text.AppendLine();
        text.AppendLine(CountsNotice);
        return text.ToString();
    }

    /// <summary>
    /// How aggregate use works, in plain words: such questions name no child, so they are not in this list, and why
    /// that is safe.
    /// </summary>
    public const string CountsNotice =
        "Not listed here: counts used to plan services, such as how many children in an area were helped. Those questions " +
        "never name you. Each service works out its part in its own records and passes on only a reference number, never " +
        "your name or details; the counts are then rounded and small numbers are hidden, so nobody can pick you out from " +
        "them. Every such question is recorded too, with who asked it and why.";

    private void Describe(AuditRecord access, StringBuilder text)
    {
        var who = PlainWords.Who(access.User, access.Role, access.Organisation);
        var when = $"On {Date(access.Time)} at {access.Time.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} (UK records use UTC)";
        if (access.Purpose == AuditPurposes.Oversight)
        {
            text.AppendLine(access.Outcome == AuditOutcome.Ok
                ? $"{when}, {who} read this record of who has looked at your information, to check that it is used properly. They saw no other information about you."
                : $"{when}, {who} asked to read this record of who has looked at your information. This was refused.");
            return;
        }

        var mine = access.Payload?.Children.FirstOrDefault(c => c.ChildId == ChildId);
        var outsideScope = mine?.Withheld.Any(w => w.Code == PlainWords.OutsideScopeCode) == true;
        if (mine is { Recorded.Count: > 0 })
        {
            DescribeRecording(access, mine, who, when, text);
            return;
        }

        text.AppendLine(access.Outcome switch
        {
            AuditOutcome.Denied => $"{when}, {who} asked to see your information {PlainWords.Purpose(access.Purpose)}. This was refused, and nothing was shown.",
            AuditOutcome.Error => $"{when}, {who} asked to see your information {PlainWords.Purpose(access.Purpose)}. The request failed, and nothing was shown.",
            _ when !ChildAccessSummary.Shown(access, ChildId) && outsideScope =>
                $"{when}, {who} asked to see your information {PlainWords.Purpose(access.Purpose)}. Nothing about you was shown, because you are not one of the children they work with.",
            _ when !ChildAccessSummary.Shown(access, ChildId) =>
                $"{when}, {who} asked to see your information {PlainWords.Purpose(access.Purpose)}. Nothing about you was shown.",
            _ => $"{when}, {who} looked at your information {PlainWords.Purpose(access.Purpose)}.",
        });
        if (access.IsRedacted)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  The details of this visit (the reason given, and what was seen) were deleted on {Date(access.RedactedAt ?? access.Time)} because they are only kept for a limited time. The fact that it happened is kept.");
            return;
        }

        if (access.Justification is { Length: > 0 } justification)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  The reason they gave: \"{justification}\".");
        }

        if (mine is not null && mine.Disclosed.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  They saw: {string.Join("; ", mine.Disclosed.GroupBy(f => (f.Label, f.Source)).Select(g => $"{PlainWords.Label(g.Key.Label)} (from {PlainWords.Source(g.Key.Source)})"))}.");
        }

        if (mine is not null && mine.Sent.Count > 0)
        {
            foreach (var sent in mine.Sent.GroupBy(f => (f.Source, f.SentTo)))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  To work out part of what they asked for, {PlainWords.Source(sent.Key.SentTo)} was sent {string.Join("; ", sent.Select(f => PlainWords.Label(f.Label)).Distinct(StringComparer.Ordinal))} (from {PlainWords.Source(sent.Key.Source)}).");
            }
        }

        if (mine is not null && !outsideScope)
        {
            foreach (var withheld in mine.Withheld.GroupBy(f => (f.Label, f.Source, f.Code)))
            {
                var what = withheld.Key.Label is { } label ? PlainWords.Label(label) : "a record";
                var from = withheld.Key.Source is { } source ? $" (from {PlainWords.Source(source)})" : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"  They were not shown {what}{from}, {PlainWords.Reason(withheld.Key.Code, withheld.First().Reason)}.");
            }
        }

        foreach (var o in access.Payload?.PreferenceOverrides.Where(o => o.ChildId == ChildId) ?? [])
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Your wish \"{o.Preference}\" was set aside: {o.Reason.TrimEnd('.')}. This is checked by the data protection officer.");
        }

        if (access.BreakGlass)
        {
            text.AppendLine("  This was an emergency access (sometimes called \"break-glass\"), so it is checked afterwards by the data protection officer.");
        }
    }

    /// <summary>A request that asked to record something on the child's behalf: what, whether it was written, and why.</summary>
    private static void DescribeRecording(AuditRecord access, ChildDisclosure mine, string who, string when, StringBuilder text)
    {
        var answered = access.Outcome is AuditOutcome.Ok or AuditOutcome.Partial;
        var written = mine.Recorded.Where(f => f.Written).ToList();
        var refused = mine.Recorded.Where(f => !f.Written).ToList();
        var purpose = PlainWords.Purpose(access.Purpose);
        var lead = $"{when}, {who}";
        if (written.Count > 0)
        {
            // Written by the service, though the request as a whole was not answered: said as it is, without a guess.
            var line = answered
                ? $"{lead} recorded {What(written)}, {purpose}."
                : $"{lead} asked to record {What(written)}, {purpose}. The request failed, so it may not have been recorded.";
            text.AppendLine(line);
            lead = "  They also";
        }

        if (refused.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{lead} asked to record {What(refused)}, {purpose}. {(access.Outcome == AuditOutcome.Error ? "The request failed" : "This was refused")}, and nothing of it was recorded.");
        }

        if (access.IsRedacted)
        {
            return;
        }

        if (access.Justification is { Length: > 0 } justification)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  The reason they gave: \"{justification}\".");
        }

        static string What(IEnumerable<RecordedField> fields) =>
            string.Join(" and ", fields.GroupBy(f => (f.Label, f.Source)).Select(g => $"{PlainWords.Recording(g.Key.Label)} (in {PlainWords.Source(g.Key.Source)})"));
    }

    internal static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
