using ChildInfo.Federation;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Identity;
using ChildInfo.Policies;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>Registers identity and purpose-based policies in the host; refuses to start on an invalid policy set.</summary>
public static class GatewaySecurity
{
    /// <returns>The policy provider registered (its first set is valid).</returns>
    public static PolicySetProvider Register(IServiceCollection services, GatewaySecurityOptions options, FederationEngine gateway)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gateway);
        var loaded = PolicyLoader.LoadDirectory(options.PolicyDirectory, FieldCoordinates(gateway.Supergraph));
        var provider = PolicySetProvider.TryCreate(loaded)
            ?? throw new PolicyLoadException($"The policy set in '{options.PolicyDirectory}' is not valid:{Environment.NewLine}{loaded.Describe()}");
        var foreign = ScopeAuthorityCheck.Problems(gateway.Supergraph, loaded.PolicySet!, options.ScopeAuthority);
        if (foreign.Count > 0)
        {
            throw new PolicyLoadException("The supergraph lets a subgraph other than the scope authority hand the gateway keys to another subgraph's records:"
                + Environment.NewLine + string.Join(Environment.NewLine, foreign));
        }

        services.AddSingleton(provider);
        services.AddSingleton(options);
        services.AddSingleton<IOperationAuthoriser, PolicyAuthoriser>();
        services.AddBearerTokens(options.Identity);
        return provider;
    }

    /// <summary>Every <c>Type.field</c> of the supergraph's object and interface types: what the policies must classify.</summary>
    public static IReadOnlyCollection<string> FieldCoordinates(SupergraphSchema supergraph)
    {
        ArgumentNullException.ThrowIfNull(supergraph);
        var result = new List<string>();
        foreach (var type in supergraph.Types.Values)
        {
            if (type.Inaccessible || type.Name.StartsWith("__", StringComparison.Ordinal)
                || type.Kind is not (SupergraphTypeKind.Object or SupergraphTypeKind.Interface))
            {
                continue;
            }

            foreach (var field in type.Fields.Values)
            {
                if (!field.Inaccessible && !field.Name.StartsWith("__", StringComparison.Ordinal))
                {
                    result.Add(type.Name + "." + field.Name);
                }
            }
        }

        return result;
    }
}
