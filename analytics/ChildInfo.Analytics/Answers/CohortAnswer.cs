using ChildInfo.Analytics.Questions;
using ChildInfo.Disclosure.Publishing;

namespace ChildInfo.Analytics.Answers;

/// <summary>
/// The answer to a question: the published table (every figure through disclosure control) and what the audit record
/// needs. Nothing in it is record-level: no child id, no local id, no exact count.
/// </summary>
public sealed record CohortAnswer
{
    /// <summary>The question's canonical text (<see cref="CohortQuestion.ToCanonicalText"/>).</summary>
    public required string Question { get; init; }

    /// <summary>The purpose whose disclosure rules were applied.</summary>
    public required string Purpose { get; init; }

    /// <summary>The agencies whose data the question read, sorted.</summary>
    public required IReadOnlyList<string> Agencies { get; init; }

    /// <summary>The policy labels counted by (facts, index dimensions, linkage), sorted.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The number of agencies linked; two or more brought the linked suppression threshold.</summary>
    public required int LinkedAgencies { get; init; }

    /// <summary>The measure asked for: which of the table's mean and median are published.</summary>
    public required CohortMeasureKind Measure { get; init; }

    public required PublishedTable Table { get; init; }

    /// <summary>Counts published (cells and totals), for the audit record.</summary>
    public int ReleasedCount => Table.ReleasedCount;

    /// <summary>Counts suppressed (cells and totals), for the audit record.</summary>
    public int SuppressedCount => Table.SuppressedCount;
}
