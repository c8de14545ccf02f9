using ChildInfo.Analytics.Questions;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Analytics.Validation;

/// <summary>
/// A question checked against the catalogue, with what the host needs before running it: the agencies it reads and
/// the policy labels it counts by (sign <c>count:</c> with each; <see cref="Sources.CohortCatalogue.LinkageLabel"/>
/// is always among them), and the canonical text for the audit record. Made only by <see cref="CohortQuestionValidator"/>.
/// </summary>
public sealed record CohortPlan
{
    internal CohortPlan() { }

    public required CohortQuestion Question { get; init; }

    /// <summary>See <see cref="CohortQuestion.ToCanonicalText"/>.</summary>
    public required string CanonicalText { get; init; }

    /// <summary>The agencies whose data the question reads (conditions, dimensions, measure), sorted.</summary>
    public required IReadOnlyList<string> Agencies { get; init; }

    /// <summary>The policy labels of every fact and index dimension used, and linkage; sorted.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The number of agencies linked (the child index not counted): two or more brings the linked threshold.</summary>
    public int LinkedAgencies => Agencies.Count;

    /// <summary>The table's dimensions and their groups, fixed by the catalogue (never by the data), <see cref="CohortDimension.Unknown"/> last.</summary>
    public required IReadOnlyList<Dimension> TableDimensions { get; init; }

    /// <summary>The index dimensions to ask the population for, in the order they appear in the question.</summary>
    internal IReadOnlyList<string> IndexDimensions { get; init; } = [];

    /// <summary>Every distinct member list the question needs.</summary>
    internal IReadOnlyList<MemberRequest> Requests { get; init; } = [];
}
