namespace ChildInfo.Federation.Planning;

/// <summary>A subgraph fetch under construction, with the fetches it depends on.</summary>
internal sealed class FetchBuilder
{
    public FetchBuilder(
        int id, string graph, FetchBuilder? parent, string[] path, string? objectType, string? entityType, string? representationTypename,
        PlannedKeys? representation = null)
    {
        Representation = representation ?? new PlannedKeys();
        Id = id;
        Graph = graph;
        Parent = parent;
        Path = path;
        ObjectType = objectType;
        EntityType = entityType;
        RepresentationTypename = representationTypename;
        if (parent is not null)
        {
            DependsOn.Add(parent);
        }
    }

    public int Id { get; }

    public string Graph { get; }

    /// <summary>The fetch whose objects this entity fetch extends; null for a root fetch.</summary>
    public FetchBuilder? Parent { get; }

    public string[] Path { get; }

    public string? ObjectType { get; }

    /// <summary>The type condition inside <c>_entities</c> (the object type, or an interface object).</summary>
    public string? EntityType { get; }

    public string? RepresentationTypename { get; }

    public bool IsEntity => Parent is not null;

    public SelectionBuilder Selection { get; } = new();

    public List<ChildInfo.Federation.Supergraph.FieldSetNode> RepresentationSet { get; } = [];

    public HashSet<FetchBuilder> DependsOn { get; } = [];

    /// <summary>
    /// For an entity fetch: where its representations' key and required fields stand on the objects it is sent, per
    /// type of those objects (the response keys the planner fetched them under).
    /// </summary>
    public PlannedKeys Representation { get; }

    /// <summary>The key this entity fetch's representations use.</summary>
    public IReadOnlyList<ChildInfo.Federation.Supergraph.FieldSetNode>? KeySet { get; set; }

    /// <summary>For mutations: the position of the root fetch group this fetch belongs to.</summary>
    public int Group { get; set; }

    public FetchBuilder Root => Parent?.Root ?? this;

    /// <summary>The objects a record guard checks once this fetch has answered; null for none.</summary>
    public List<RecordGuardPoint>? Guards { get; set; }
}
