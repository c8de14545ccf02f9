namespace ChildInfo.Federation.Supergraph;

/// <summary>How one subgraph defines a type (<c>@join__type</c>, merged when repeated for several keys).</summary>
public sealed record TypeJoin(string Graph, IReadOnlyList<KeyDefinition> Keys, bool Extension, bool IsInterfaceObject)
{
    public bool IsEntity => Keys.Count > 0;
}
