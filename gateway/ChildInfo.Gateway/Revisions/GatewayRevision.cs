using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChildInfo.Federation;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Revisions;

/// <summary>
/// Everything one request is served with, built off the request path and swapped in whole: the engine (supergraph,
/// planner, plan cache), the compiled policies and the planner's field policies per policy scope. Numbered by the
/// registry revision it was built from (0 when the host runs without a registry).
/// </summary>
public sealed class GatewayRevision
{
    private readonly ConcurrentDictionary<string, ScopeFieldPolicy> _fieldPolicies = new(StringComparer.Ordinal);

    public GatewayRevision(FederationEngine gateway, PolicyEngine? policies, long number = 0)
    {
        Gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        Policies = policies;
        Number = number;
        SupergraphHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(gateway.SupergraphSdl)))[..16];
    }

    public FederationEngine Gateway { get; }

    public SupergraphSchema Supergraph => Gateway.Supergraph;

    /// <summary>The policies this revision enforces; null on a host without policies (engine tests only).</summary>
    public PolicyEngine? Policies { get; }

    public long Number { get; }

    /// <summary>Identifies the supergraph text: two replicas on the same registry revision serve the same hash.</summary>
    public string SupergraphHash { get; }

    /// <summary>The policy scope a plan-cache scope key of this revision stands for, once a request has been bound to it.</summary>
    public PolicyScope? ScopeOf(string scopeKey) => _fieldPolicies.TryGetValue(scopeKey, out var policy) ? policy.Scope : null;

    /// <summary>The planner's field policy for a scope of this revision's policies, built once and shared.</summary>
    public ScopeFieldPolicy FieldPolicy(PolicyScope scope) =>
        _fieldPolicies.GetOrAdd(scope.CacheKey, static (_, args) => new ScopeFieldPolicy(args.scope, args.schema), (scope, schema: Supergraph));
}
