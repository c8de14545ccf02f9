namespace ChildInfo.Federation.Supergraph;

/// <summary>
/// One subgraph's own schema as the supergraph records it (<c>@join__type</c>, <c>@join__field</c>,
/// <c>@join__implements</c>, <c>@join__unionMember</c>, <c>@join__enumValue</c>): what an operation sent to that
/// subgraph must be valid against. Built once per supergraph by <see cref="SubgraphProjection"/>.
/// </summary>
public sealed class SubgraphSchema
{
    private readonly Dictionary<string, IReadOnlyList<string>> _possibleTypes;

    internal SubgraphSchema(string name, IReadOnlyDictionary<string, SubgraphType> types, string sdl)
    {
        Name = name;
        Types = types;
        Sdl = sdl;
        _possibleTypes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in types.Values)
        {
            _possibleTypes[type.Name] = type.Kind switch
            {
                SupergraphTypeKind.Object => [type.Name],
                SupergraphTypeKind.Union => type.Members,
                SupergraphTypeKind.Interface => [.. types.Values
                    .Where(t => t.Kind == SupergraphTypeKind.Object && t.Interfaces.Contains(type.Name))
                    .Select(t => t.Name)],
                _ => [],
            };
        }
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, SubgraphType> Types { get; }

    /// <summary>
    /// The schema as SDL, without federation directives, with what every federation subgraph adds:
    /// <c>scalar _Any</c>, <c>union _Entity</c> of its entity types and <c>Query._entities</c>.
    /// </summary>
    public string Sdl { get; }

    public SubgraphType? FindType(string name) => Types.TryGetValue(name, out var type) ? type : null;

    /// <summary>The type of <c>typeName.fieldName</c> in this subgraph; null when the subgraph does not define it.</summary>
    public TypeRef? FieldType(string typeName, string fieldName) =>
        Types.TryGetValue(typeName, out var type) ? type.FieldType(fieldName) : null;

    /// <summary>The object types a value of the named type can have in this subgraph (empty when it does not know the type).</summary>
    public IReadOnlyList<string> PossibleTypes(string name) =>
        _possibleTypes.TryGetValue(name, out var list) ? list : [];

    /// <summary>Whether <c>... on <paramref name="condition"/></c> can be spread where this subgraph has an object of <paramref name="parentType"/>.</summary>
    public bool CanSpread(string parentType, string condition)
    {
        var parent = PossibleTypes(parentType);
        var inner = PossibleTypes(condition);
        foreach (var type in parent)
        {
            if (inner.Contains(type))
            {
                return true;
            }
        }

        return false;
    }
}
