namespace ChildInfo.Federation.Planning;

/// <summary>
/// Runs an entity fetch for every object found at <see cref="Path"/> in the response so far (<c>@</c> stands for
/// every element of a list) and merges the answers back into those objects.
/// </summary>
public sealed record FlattenStep(IReadOnlyList<string> Path, FetchStep Fetch) : PlanNode
{
    public string PathText => string.Join('.', Path);
}
