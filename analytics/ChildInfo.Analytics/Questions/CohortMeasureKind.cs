namespace ChildInfo.Analytics.Questions;

/// <summary>What is computed for each group.</summary>
public enum CohortMeasureKind
{
    /// <summary>The number of children (always published).</summary>
    Children,

    /// <summary>Events per child from an events fact: mean and median, a child with no record counting 0.</summary>
    Events,

    /// <summary>The mean of a measure fact over the children who have a value.</summary>
    Mean,

    /// <summary>The median of a measure fact over the children who have a value.</summary>
    Median,
}
