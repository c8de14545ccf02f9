namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>Which dates a cohort fact is evaluated over.</summary>
public enum CohortWindowKind
{
    /// <summary>On one day: <c>to</c> is the as-at date, <c>from</c> stays null.</summary>
    AsAt,

    /// <summary>Over a period, <c>from</c> to <c>to</c> inclusive.</summary>
    During,

    /// <summary>Not dated: neither <c>from</c> nor <c>to</c>.</summary>
    None,
}
