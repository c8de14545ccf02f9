namespace ChildInfo.Analytics.Validation;

/// <summary>
/// Fixed bounds on a question's shape. They keep questions readable and evaluation bounded, and they limit how finely
/// an analyst can carve cohorts (windows in whole months, no day-long window to single out a child).
/// </summary>
public static class CohortLimits
{
    /// <summary>Most levels of all / any / not between the top of the condition and a fact (a fact alone is 0).</summary>
    public const int MaxDepth = 5;

    /// <summary>Most fact leaves in the condition (dimensions and the measure not counted).</summary>
    public const int MaxFacts = 12;

    /// <summary>Most group-by dimensions: the disclosure tables have at most two.</summary>
    public const int MaxDimensions = 2;

    /// <summary>Longest during window, in months (five years).</summary>
    public const int MaxWindowMonths = 60;

    /// <summary>Most problems reported for one question: a question built to make endless problems stops being walked here.</summary>
    public const int MaxProblems = 50;

    /// <summary>Longest name echoed in a problem's message; longer ones are cut.</summary>
    internal const int MaxEchoedName = 64;
}
