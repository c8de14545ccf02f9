namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>What a cohort fact gives for each of an agency's records it matches.</summary>
public enum CohortFactKind
{
    /// <summary>Membership only: the record satisfies the condition (optionally for one of its values).</summary>
    Condition,

    /// <summary>One group value per record (the agency's SQL picks one: the latest, the primary...).</summary>
    Dimension,

    /// <summary>One numeric value per record (an attendance rate, an SDQ total...).</summary>
    Measure,

    /// <summary>The record's number of events in the window (referrals, exclusions...).</summary>
    Events,
}
