namespace ChildInfo.Analytics.Questions;

/// <summary>
/// A condition tree defining a cohort: <see cref="All"/> (every condition holds: intersection), <see cref="Any"/> (at
/// least one: union), <see cref="Not"/> (the population as at the question's date without the children matching) and
/// <see cref="Has"/> (children with an agency record satisfying one fact in one window). Every set is taken within
/// the population as at the question's date, so a <c>Not</c> on its own is the complement of the population.
/// </summary>
public abstract record CohortCondition
{
    private protected CohortCondition() { }

    public static AllCondition All(params CohortCondition[] conditions) => new(conditions);

    public static AnyCondition Any(params CohortCondition[] conditions) => new(conditions);

    public static NotCondition Not(CohortCondition condition) => new(condition);

    /// <summary>A leaf: children with a record of <paramref name="agency"/> satisfying <paramref name="fact"/> (with <paramref name="value"/>, if given) in <paramref name="window"/>.</summary>
    public static FactCondition Has(string agency, string fact, CohortWindow window, string? value = null) => new(agency, fact, value, window);
}
