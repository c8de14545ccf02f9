namespace ChildInfo.Federation.Supergraph;

/// <summary>
/// The immutable model of an Apollo Federation 2 supergraph: subgraphs, types and which subgraph resolves what.
/// Built once per supergraph by <see cref="SupergraphLoader"/>.
/// </summary>
public sealed class SupergraphSchema
{
    private readonly Dictionary<string, IReadOnlyList<string>> _possibleTypes;
    private readonly IReadOnlyDictionary<string, SubgraphSchema> _subgraphSchemas;

    internal SupergraphSchema(
        IReadOnlyList<SubgraphInfo> subgraphs,
        IReadOnlyDictionary<string, SupergraphType> types,
        string queryType,
        string? mutationType,
        string? subscriptionType,
        string apiSdl,
        IReadOnlyDictionary<string, SubgraphSchema> subgraphSchemas)
    {
        _subgraphSchemas = subgraphSchemas;
        Subgraphs = subgraphs;
        Types = types;
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        ApiSdl = apiSdl;
        _possibleTypes = ComputePossibleTypes(types);
    }

    public IReadOnlyList<SubgraphInfo> Subgraphs { get; }

    public IReadOnlyDictionary<string, SupergraphType> Types { get; }

    public string QueryType { get; }

    public string? MutationType { get; }

    public string? SubscriptionType { get; }

    /// <summary>The API schema (no join or link machinery, nothing inaccessible) as SDL.</summary>
    public string ApiSdl { get; }

    /// <summary>
    /// Per enum type that has any, the values marked <c>@inaccessible</c>: a subgraph may return them, the client never
    /// sees them. Null when no enum has one, so responses of most supergraphs pay nothing for the check.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>>? HiddenEnumValues { get; internal init; }

    public SupergraphType GetType(string name) =>
        Types.TryGetValue(name, out var type) ? type : throw new KeyNotFoundException($"Unknown type '{name}'.");

    public SubgraphInfo? FindSubgraph(string name)
    {
        foreach (var subgraph in Subgraphs)
        {
            if (subgraph.Name == name)
            {
                return subgraph;
            }
        }

        return null;
    }

    /// <summary>The named subgraph's own schema, projected from the supergraph: what operations sent to it must be valid against.</summary>
    public SubgraphSchema SubgraphSchema(string name) =>
        _subgraphSchemas.TryGetValue(name, out var schema) ? schema : throw new KeyNotFoundException($"Unknown subgraph '{name}'.");

    /// <summary>The accessible object types a value of the named type can have at run time.</summary>
    public IReadOnlyList<string> PossibleTypes(string name) =>
        _possibleTypes.TryGetValue(name, out var list) ? list : [];

    /// <summary>Whether an object of type <paramref name="objectType"/> matches type condition <paramref name="condition"/>.</summary>
    public bool Matches(string objectType, string condition)
    {
        if (objectType == condition)
        {
            return true;
        }

        foreach (var possible in PossibleTypes(condition))
        {
            if (possible == objectType)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, IReadOnlyList<string>> ComputePossibleTypes(IReadOnlyDictionary<string, SupergraphType> types)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in types.Values)
        {
            switch (type.Kind)
            {
                case SupergraphTypeKind.Object when !type.Inaccessible:
                    result[type.Name] = [type.Name];
                    break;
                case SupergraphTypeKind.Union:
                    result[type.Name] = type.UnionMembers.Where(m => types.TryGetValue(m, out var t) && !t.Inaccessible).ToArray();
                    break;
                case SupergraphTypeKind.Interface:
                    result[type.Name] = types.Values
                        .Where(t => t.Kind == SupergraphTypeKind.Object && !t.Inaccessible && t.Interfaces.Contains(type.Name))
                        .Select(t => t.Name)
                        .ToArray();
                    break;
            }
        }

        return result;
    }
}
