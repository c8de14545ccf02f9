using ChildInfo.Linkage.Store;

namespace ChildInfo.Gateway.Linkage;

/// <summary>
/// The linkage job at <c>/linkage</c>: the child index it writes, how many records it reads from an agency per call,
/// how long an agency may take over one page, and the matching engine's thresholds.
/// </summary>
public sealed record LinkageJobOptions
{
    public required LinkageStoreOptions ChildIndex { get; init; }

    /// <summary>Records read from an agency per call (at most the agencies' page limit, 5,000).</summary>
    public int PageSize { get; init; } = 5_000;

    /// <summary>How long one agency may take over one page.</summary>
    public TimeSpan SubgraphTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The engine's thresholds and model settings.</summary>
    public ChildInfo.Linkage.Linking.LinkageOptions Engine { get; init; } = new();

    /// <summary>Problems with these settings, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(ChildIndex.Validate());
        errors.AddRange(Engine.Validate());
        if (PageSize is < 1 or > 5_000)
        {
            errors.Add("Linkage:PageSize must be between 1 and 5000.");
        }

        if (SubgraphTimeout <= TimeSpan.Zero)
        {
            errors.Add("Linkage:SubgraphTimeout must be longer than zero.");
        }

        return errors;
    }
}
