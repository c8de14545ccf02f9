namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>The dates one fact is evaluated over, checked against the fact's window kind.</summary>
/// <param name="From">The first day of a <see cref="CohortWindowKind.During"/> window; null otherwise.</param>
/// <param name="To">The as-at day, or the last day of a period; null for <see cref="CohortWindowKind.None"/>.</param>
public sealed record CohortWindow(DateOnly? From, DateOnly? To)
{
    /// <summary>The longest period a fact may be evaluated over, in years.</summary>
    public const int MaxYears = 10;

    /// <summary>
    /// The window for <paramref name="kind"/>, or the <c>COHORT_BAD_WINDOW</c> error when the dates do not fit it:
    /// as-at takes <c>to</c> alone; during takes both, <c>from</c> not after <c>to</c>, at most ten years apart;
    /// none takes neither.
    /// </summary>
    public static (CohortWindow? Window, GraphQL.ExecutionError? Error) Check(string fact, CohortWindowKind kind, DateOnly? from, DateOnly? to) => kind switch
    {
        CohortWindowKind.AsAt when from is not null || to is null =>
            (null, CohortErrors.BadWindow($"The cohort fact {fact} is counted as at one day: give 'to' (the as-at date) and no 'from'.")),
        CohortWindowKind.During when from is null || to is null =>
            (null, CohortErrors.BadWindow($"The cohort fact {fact} is counted over a period: give both 'from' and 'to'.")),
        CohortWindowKind.During when from > to =>
            (null, CohortErrors.BadWindow($"The period's 'from' ({from:yyyy-MM-dd}) is after its 'to' ({to:yyyy-MM-dd}).")),
        CohortWindowKind.During when from!.Value.AddYears(MaxYears) < to =>
            (null, CohortErrors.BadWindow($"A period may span at most {MaxYears} years.")),
        CohortWindowKind.None when from is not null || to is not null =>
            (null, CohortErrors.BadWindow($"The cohort fact {fact} is not dated: give neither 'from' nor 'to'.")),
        _ => (new CohortWindow(from, to), null),
    };

    /// <summary>The SQL parameters the window kind's queries take (only those: an unused null would have no type on PostgreSQL).</summary>
    internal Dapper.DynamicParameters Parameters(CohortWindowKind kind)
    {
        var parameters = new Dapper.DynamicParameters();
        if (kind == CohortWindowKind.During)
        {
            parameters.Add("from", From!.Value);
        }

        if (kind != CohortWindowKind.None)
        {
            parameters.Add("to", To!.Value);
        }

        return parameters;
    }
}
