using ChildInfo.Analytics.Questions;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Analytics.Validation;

/// <summary>
/// A question checked against the catalogue, with what the host needs before running it: the agencies it reads and
/// the policy labels it counts by (sign <c>count:</c> with each; <see cref="Sources.CohortCatalogue.LinkageLabel"/>
/// is always among them), and the canonical text for the audit record. Made only by <see cref="CohortQuestionValidator"/>,
/// and immutable, so a plan cannot be edited into a question that was never validated.
/// </summary>
public sealed class CohortPlan
{
    internal CohortPlan() { }

    /// <summary>A copy of the question as validated: its lists are the plan's own, so changing the caller's lists later changes nothing.</summary>
    public CohortQuestion Question { get; internal init; } = null!;

    /// <summary>See <see cref="CohortQuestion.ToCanonicalText"/>.</summary>
    public string CanonicalText { get; internal init; } = "";

    /// <summary>The agencies whose data the question reads (conditions, dimensions, measure), sorted.</summary>
    public IReadOnlyList<string> Agencies { get; internal init; } = [];

    /// <summary>The policy labels of every fact and index dimension used, and linkage; sorted.</summary>
    public IReadOnlyList<string> Labels { get; internal init; } = [];

    /// <summary>For each agency read, the labels of its facts the question uses (for honouring wishes), sorted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AgencyLabels { get; internal init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The number of agencies linked (the child index not counted): two or more brings the linked threshold.</summary>
    public int LinkedAgencies => Agencies.Count;

    /// <summary>The table's dimensions and their groups, fixed by the catalogue (never by the data), <see cref="CohortDimension.Unknown"/> last.</summary>
    public IReadOnlyList<Dimension> TableDimensions { get; internal init; } = [];

    /// <summary>The index dimensions to ask the population for, in the order they appear in the question.</summary>
    internal IReadOnlyList<string> IndexDimensions { get; init; } = [];

    /// <summary>Every distinct member list the question needs.</summary>
    internal IReadOnlyList<MemberRequest> Requests { get; init; } = [];
}
