namespace ChildInfo.Policies.Loading;

/// <summary>The text of one policy file and the name errors will use for it.</summary>
public sealed record PolicySource(string Name, string Text)
{
    /// <summary>The sections a subgraph's registered document may hold: what its fields are, never who may see them.</summary>
    public static IReadOnlySet<string> SubgraphSections { get; } = new HashSet<string>(StringComparer.Ordinal) { "agencies", "links", "classifications" };

    /// <summary>The top-level sections this source may hold; null: any (a file of the policy folder).</summary>
    public IReadOnlySet<string>? AllowedSections { get; init; }

    /// <summary>
    /// A document a system owner registered with a subgraph: it may say what the subgraph's fields are (classifications,
    /// links, its agency) but not change who may see what (rules, roles, purposes, labels, settings), which belongs to
    /// the policy folder and its owners.
    /// </summary>
    public static PolicySource ForSubgraph(string name, string text) => new(name, text) { AllowedSections = SubgraphSections };
}
