using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies;

/// <summary>
/// Holds a valid policy set and its compiled engine. The first load must succeed (create with <see cref="TryCreate"/>:
/// fail fast). A gateway that changes its policies builds a new revision with a new provider rather than changing
/// this one, so a request keeps the engine it started with.
/// </summary>
public sealed class PolicySetProvider
{
    private PolicySetProvider(PolicyEngine engine) => Current = engine;

    public PolicyEngine Current { get; }

    public PolicySet Set => Current.Set;

    /// <summary>A provider for a valid first load, or null with the result's errors to refuse to start.</summary>
    public static PolicySetProvider? TryCreate(PolicyLoadResult first) =>
        first is { Succeeded: true, PolicySet: { } set } ? new PolicySetProvider(PolicyEngine.Compile(set)) : null;
}
