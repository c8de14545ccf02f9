namespace ChildInfo.Analytics.Sources;

/// <summary>How a fact may be used in a question.</summary>
public enum CohortFactKind
{
    /// <summary>A condition on children (in the cohort or not), optionally filtered by one of its values.</summary>
    Condition,

    /// <summary>A grouping: each record carries one of the fact's values.</summary>
    Dimension,

    /// <summary>A numeric value per record (attendance rate, SDQ total), for a mean or median.</summary>
    Measure,

    /// <summary>A number of events per record in the window (referrals, exclusions).</summary>
    Events,
}
