namespace ChildInfo.Federation.Planning;

/// <summary>Bounds on the work planning may do.</summary>
public sealed record QueryPlannerOptions
{
    /// <summary>Most fields an operation may select once fragments are expanded for every possible type.</summary>
    public int MaxFields { get; init; } = 20_000;

    /// <summary>Most planning steps (fields placed, options weighed) for one operation.</summary>
    public int MaxWork { get; init; } = 200_000;
}
