namespace ChildInfo.Analytics.Questions;

/// <summary>
/// An analyst's aggregate question: children in the population as at <see cref="AsAt"/> who satisfy
/// <see cref="Condition"/> (everyone when it is null), grouped by up to two <see cref="Dimensions"/> (none: one
/// group of all), with a <see cref="Measure"/>. It names conditions, never a child.
/// </summary>
public sealed record CohortQuestion
{
    /// <summary>The date the population, the index dimensions and <c>Not</c> are taken at: the first of a month.</summary>
    public required DateOnly AsAt { get; init; }

    public CohortCondition? Condition { get; init; }

    public IReadOnlyList<CohortDimension> Dimensions { get; init; } = [];

    public CohortMeasure Measure { get; init; } = CohortMeasure.Children;

    /// <summary>
    /// The question as one stable line, for the audit record and as a cache key: dates in ISO form, names quoted, the
    /// operands of <c>all</c> and <c>any</c> sorted. It names no child.
    /// </summary>
    public string ToCanonicalText() => CanonicalWriter.Write(this);
}
