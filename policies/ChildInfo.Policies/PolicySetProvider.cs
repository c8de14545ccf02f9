using System.Collections.Immutable;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies;

/// <summary>
/// Holds the current policy set and its compiled engine. The first load must succeed (create with
/// <see cref="TryCreate"/>: fail fast); a failed reload keeps the last good set and reports its errors.
/// The engine is swapped in one reference, so a request keeps the engine it started with.
/// </summary>
public sealed class PolicySetProvider
{
    private PolicyEngine current;
    private ImmutableArray<PolicyError> lastErrors = [];

    private PolicySetProvider(PolicyEngine engine) => current = engine;

    public PolicyEngine Current => Volatile.Read(ref current);

    public PolicySet Set => Current.Set;

    /// <summary>Errors of the last reload that failed, or empty if the last reload succeeded.</summary>
    public ImmutableArray<PolicyError> LastErrors => lastErrors;

    /// <summary>Raised after a successful reload, with the new engine.</summary>
    public event EventHandler<PolicyEngine>? Reloaded;

    /// <summary>A provider for a valid first load, or null with the result's errors to refuse to start.</summary>
    public static PolicySetProvider? TryCreate(PolicyLoadResult first) =>
        first is { Succeeded: true, PolicySet: { } set } ? new PolicySetProvider(PolicyEngine.Compile(set)) : null;

    /// <summary>Swaps in a new set if <paramref name="result"/> succeeded; otherwise keeps the last good one.</summary>
    /// <returns>True when the new set is now current.</returns>
    public bool Reload(PolicyLoadResult result)
    {
        if (result is not { Succeeded: true, PolicySet: { } set })
        {
            lastErrors = result.Errors;
            return false;
        }
        var engine = PolicyEngine.Compile(set);
        Interlocked.Exchange(ref current, engine);
        lastErrors = [];
        Reloaded?.Invoke(this, engine);
        return true;
    }
}
