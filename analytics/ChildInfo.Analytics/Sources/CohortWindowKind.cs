namespace ChildInfo.Analytics.Sources;

/// <summary>The window a fact is evaluated in.</summary>
public enum CohortWindowKind
{
    /// <summary>On one date (<c>to</c>; <c>from</c> is not given).</summary>
    AsAt,

    /// <summary>Between two dates, both included.</summary>
    During,

    /// <summary>Timeless: no dates.</summary>
    None,
}
