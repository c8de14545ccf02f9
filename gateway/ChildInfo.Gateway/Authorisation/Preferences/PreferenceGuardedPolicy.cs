using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Model;

namespace ChildInfo.Gateway.Authorisation.Preferences;

/// <summary>
/// A scope's field policy with the preference guard supplied alongside it: field decisions are the inner policy's,
/// the record guard checks every agency record on its recorded data-use preferences. One per field policy, built once
/// (it lives as long as the field policy it wraps, so it follows the revision that built that).
/// </summary>
public sealed class PreferenceGuardedPolicy : IFieldAccessPolicy
{
    private static readonly ConditionalWeakTable<IFieldAccessPolicy, PreferenceGuardedPolicy> Built = [];

    private readonly IFieldAccessPolicy _inner;

    private PreferenceGuardedPolicy(IFieldAccessPolicy inner, PolicyScope scope, PreferenceGuard? guard)
    {
        _inner = inner;
        Guard = guard;
        SubgraphLabels = scope.ReleasableLabels.Union(guard?.ReadLabels ?? [], StringComparer.Ordinal).ToFrozenSet(StringComparer.Ordinal);
    }

    public PreferenceGuard? Guard { get; }

    /// <summary>
    /// The labels each subgraph call may return, signed into its context: what the scope may release, and what the
    /// guard reads to honour the child's and family's preferences.
    /// </summary>
    public IReadOnlySet<string> SubgraphLabels { get; }

    public IRecordGuard? RecordGuard => Guard;

    /// <summary>
    /// The field policy for <paramref name="scope"/> with its preference guard; no guard when the rule honours no
    /// preference code (nothing is fetched or checked then).
    /// </summary>
    public static PreferenceGuardedPolicy For(IFieldAccessPolicy inner, PolicyScope scope, PolicySet set, SupergraphSchema schema)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(scope);
        return Built.GetValue(inner, policy => new PreferenceGuardedPolicy(policy, scope,
            scope.Rule.Preferences.Honoured.IsDefaultOrEmpty ? null : new PreferenceGuard(scope, set, schema)));
    }

    public FieldAccess Decide(string typeName, string fieldName) => _inner.Decide(typeName, fieldName);
}
