using System.Globalization;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Transparency;

/// <summary>An access the data protection officer must review: an emergency (break-glass) access or a preference set aside.</summary>
public sealed record AuditReviewItem(AuditRecord Record)
{
    public long Sequence => Record.Sequence;
    public bool BreakGlass => Record.BreakGlass;
    public bool PreferenceOverridden => Record.PreferenceOverridden;
    public string? Justification => Record.Justification;
    public IReadOnlyList<PreferenceOverride> Overrides => Record.Payload?.PreferenceOverrides ?? [];

    public string ToText()
    {
        var kinds = string.Join(" and ", new[] { BreakGlass ? "emergency access (break-glass)" : null, PreferenceOverridden ? "preference set aside" : null }.OfType<string>());
        var justification = Record.IsRedacted ? "(removed under retention)" : Justification is { Length: > 0 } j ? $"\"{j}\"" : "(none given)";
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"#{Sequence} {AuditCanonicalFormText(Record.Time)}: {kinds}"),
            $"  by {Record.User} ({Record.Role}, {Record.Organisation}) for {Record.Purpose}; outcome {Record.Outcome.ToString().ToLowerInvariant()}",
            $"  children: {string.Join(", ", Record.ChildIds)}",
            $"  justification: {justification}",
        };
        lines.AddRange(Overrides.Select(o => $"  preference \"{o.Preference}\" of {o.ChildId} set aside: {o.Reason}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string AuditCanonicalFormText(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
