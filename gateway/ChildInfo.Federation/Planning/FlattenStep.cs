namespace ChildInfo.Federation.Planning;

/// <summary>
/// Runs an entity fetch for every object found at <see cref="Path"/> in the response so far (<c>@</c> stands for
/// every element of a list) and merges the answers back into those objects.
/// </summary>
public sealed record FlattenStep(IReadOnlyList<string> Path, FetchStep Fetch) : PlanNode
{
    private FlattenStep[]? _alone;

    public string PathText => string.Join('.', Path);

    /// <summary>This fetch as the one part of its call (kept, so running it allocates nothing for it).</summary>
    internal FlattenStep[] Alone => _alone ??= [this];
}
