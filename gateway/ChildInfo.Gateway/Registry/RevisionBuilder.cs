using ChildInfo.Federation;
using ChildInfo.Federation.Composition;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// Builds a complete revision (supergraph, engine, policies) from the configured subgraphs and a registry snapshot,
/// off the request path. Deterministic: replicas on the same registry revision build the same supergraph text.
/// Registered classification documents join the policy folder's files and are checked with them as one set, so a
/// field nobody classified stops the change. Under policies, so does a subgraph that could hand the gateway keys to
/// another subgraph's records without the scope authority (<see cref="ScopeAuthorityCheck"/>).
/// </summary>
public sealed class RevisionBuilder(ISubgraphTransport transport, FederationEngineOptions engine, string? policyDirectory, string? scopeAuthority = null)
{
    /// <summary>The subgraph that decides record scope when the gateway serves under policies; null without policies.</summary>
    public string? ScopeAuthority { get; } = policyDirectory is null ? null : scopeAuthority ?? ScopeAuthorityCheck.DefaultAuthority;

    public RevisionBuild Build(IReadOnlyList<SubgraphSdl> configured, RegistrySnapshot registry)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(registry);
        if (ScopeAuthority is not null && registry.Find(ScopeAuthority) is not null)
        {
            // Written before the registry refused it (SubgraphRegistry): the index is trusted only from configuration.
            return RevisionBuild.Failed([new RegistryProblem("SCOPE_AUTHORITY",
                $"The registry holds an entry for '{ScopeAuthority}', which decides record scope for every request and is served only from the gateway's configuration: remove the entry (childinfo subgraph remove {ScopeAuthority}, or DELETE /admin/subgraphs/{ScopeAuthority}) and configure the subgraph instead.")]);
        }

        var byName = new SortedDictionary<string, SubgraphSdl>(StringComparer.Ordinal);
        foreach (var subgraph in configured)
        {
            byName[subgraph.Name] = subgraph;
        }

        foreach (var entry in registry.Subgraphs)
        {
            byName[entry.Name] = new SubgraphSdl(entry.Name, entry.Url, entry.Sdl);
        }

        var composed = SupergraphComposer.Compose([.. byName.Values]);
        if (!composed.IsSuccess)
        {
            return RevisionBuild.Failed(composed.Errors.Select(e => new RegistryProblem(
                "COMPOSITION", $"{(e.Subgraph is null ? "" : $"[{e.Subgraph}] ")}{(e.Coordinate is null ? "" : e.Coordinate + ": ")}{e.Message} ({e.Code})")));
        }

        FederationEngine gateway;
        try
        {
            gateway = FederationEngine.Create(composed.Supergraph!, transport, engine);
        }
        catch (SupergraphException ex)
        {
            return RevisionBuild.Failed([new RegistryProblem("SUPERGRAPH", ex.Message)]);
        }

        PolicyEngine? policies = null;
        if (policyDirectory is not null)
        {

            var registered = registry.Subgraphs
                .Where(e => e.Classifications is not null)
                .Select(e => PolicySource.ForSubgraph(ClassificationSourceName(e.Name), e.Classifications!))
                .ToList();
            var loaded = PolicyLoader.LoadDirectory(policyDirectory, GatewaySecurity.FieldCoordinates(gateway.Supergraph), registered);
            if (loaded is not { Succeeded: true, PolicySet: { } set })
            {
                return RevisionBuild.Failed(loaded.Errors.Select(e => new RegistryProblem(
                    e.Code == PolicyErrorCodes.UnclassifiedField ? "UNCLASSIFIED_FIELD" : "POLICY", e.ToString())));
            }

            var foreign = ScopeAuthorityCheck.Problems(gateway.Supergraph, set, ScopeAuthority!);
            if (foreign.Count > 0)
            {
                return RevisionBuild.Failed(foreign.Select(p => new RegistryProblem("FOREIGN_REFERENCE", p)));
            }

            policies = PolicyEngine.Compile(set);
        }

        return RevisionBuild.Succeeded(new GatewayRevision(gateway, policies, registry.Revision), composed.Warnings);
    }

    /// <summary>The name a registered classification document carries in policy errors.</summary>
    public static string ClassificationSourceName(string subgraph) => $"registry/{subgraph}.yaml";
}
