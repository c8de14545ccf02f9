namespace ChildInfo.Analytics.Evaluation;

/// <summary>Bounds on evaluating a question, bound from configuration by the host (section <c>Cohorts</c>).</summary>
public sealed record CohortOptions
{
    /// <summary>The default bound on member keys: several times a large authority's children across a dozen facts.</summary>
    public const int DefaultMaxMemberKeys = 5_000_000;

    /// <summary>
    /// Most agency record keys a question may fetch, over all its member lists together. Beyond it the question is
    /// refused (<see cref="Validation.CohortErrorCodes.TooManyKeys"/>) as soon as the lists received pass it, rather than
    /// held in memory.
    /// </summary>
    public int MaxMemberKeys { get; init; } = DefaultMaxMemberKeys;

    /// <summary>Most agency calls (member lists, links) in flight at once for one question.</summary>
    public int MaxConcurrentFetches { get; init; } = 4;

    /// <summary>Problems with these options, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxMemberKeys < 1)
        {
            errors.Add("Cohorts:MaxMemberKeys must be at least 1.");
        }

        if (MaxConcurrentFetches is < 1 or > 64)
        {
            errors.Add("Cohorts:MaxConcurrentFetches must be between 1 and 64.");
        }

        return errors;
    }
}
