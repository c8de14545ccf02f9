namespace ChildInfo.Analytics.Questions;

/// <summary>
/// The measure of a question. Children are always counted; <see cref="CohortMeasureKind.Events"/>,
/// <see cref="CohortMeasureKind.Mean"/> and <see cref="CohortMeasureKind.Median"/> add a per-child value from an
/// agency fact in its window: the sum of a child's records for events (0 without one), the mean of a child's records
/// for a measure (no value without one, so the child is left out of the statistic's base).
/// </summary>
public sealed record CohortMeasure(CohortMeasureKind Kind, string? Agency = null, string? Fact = null, CohortWindow? Window = null)
{
    public static CohortMeasure Children { get; } = new(CohortMeasureKind.Children);

    public static CohortMeasure Events(string agency, string fact, CohortWindow window) => new(CohortMeasureKind.Events, agency, fact, window);

    public static CohortMeasure Mean(string agency, string fact, CohortWindow window) => new(CohortMeasureKind.Mean, agency, fact, window);

    public static CohortMeasure Median(string agency, string fact, CohortWindow window) => new(CohortMeasureKind.Median, agency, fact, window);
}
