using System.Collections.Immutable;

namespace ChildInfo.Registry.Tests.Kit;

/// <summary>Small registry entries for store tests.</summary>
public static class Entries
{
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 14, 5, 0, TimeSpan.Zero);

    public static SubgraphEntry Subgraph(string name, string sdl = "type Query { pupil(id: ID!): Pupil } type Pupil { id: ID! name: String }", string? classifications = null) =>
        SubgraphEntry.Create(name, $"http://{name}.local/graphql", sdl, classifications, Now, "owner@la.gov.uk");

    public static ImmutableArray<SubgraphEntry> Of(params string[] names) => [.. names.Select(n => Subgraph(n))];
}
