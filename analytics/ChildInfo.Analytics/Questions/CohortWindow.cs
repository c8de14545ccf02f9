namespace ChildInfo.Analytics.Questions;

/// <summary>
/// The dates a fact is evaluated over, as the agency fields take them: <see cref="AsAt"/> sets only <see cref="To"/>,
/// <see cref="During"/> sets both (inclusive), <see cref="None"/> neither. Any other combination is refused by
/// validation, so the host can map an analyst's raw dates straight into this record.
/// </summary>
public sealed record CohortWindow(DateOnly? From, DateOnly? To)
{
    /// <summary>No dates, for timeless facts.</summary>
    public static CohortWindow None { get; } = new(null, null);

    /// <summary>On one date: the first of a month.</summary>
    public static CohortWindow AsAt(DateOnly date) => new(null, date);

    /// <summary>From the first of a month to the last day of a month, at most five years.</summary>
    public static CohortWindow During(DateOnly from, DateOnly to) => new(from, to);

    /// <summary>Canonical text: <c>none</c>, <c>as_at 2026-04-01</c> or <c>during 2025-09-01..2026-03-31</c> (malformed windows are written as given).</summary>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "none",
        (null, { } to) => $"as_at {Iso(to)}",
        ({ } from, { } to) => $"during {Iso(from)}..{Iso(to)}",
        ({ } from, null) => $"from {Iso(from)}",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
