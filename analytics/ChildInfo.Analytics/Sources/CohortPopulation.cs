namespace ChildInfo.Analytics.Sources;

/// <summary>
/// Every child in the population as at a date, as columns: the child index's ids, and for each dimension asked (in the
/// order asked) the children's values, position by position. Columns, not one object per child, because a question
/// at a million children holds the whole population while it counts.
/// </summary>
public sealed class CohortPopulation
{
    /// <exception cref="ArgumentException">A column is not as long as the ids.</exception>
    public CohortPopulation(IReadOnlyList<string?> childIds, IReadOnlyList<IReadOnlyList<string?>> columns)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Any(c => c is null || c.Count != childIds.Count))
        {
            throw new ArgumentException("Every column must hold one value per child.", nameof(columns));
        }

        ChildIds = childIds;
        Columns = columns;
    }

    /// <summary>The children's ids, by position.</summary>
    public IReadOnlyList<string?> ChildIds { get; }

    /// <summary>One column per dimension asked, in the order asked: the value of each child, by position.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Columns { get; }

    /// <summary>The number of children listed.</summary>
    public int Count => ChildIds.Count;
}
