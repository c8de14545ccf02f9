using ChildInfo.Federation.Composition;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.EarlyYears;
using ChildInfo.Subgraphs.Education;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.SocialCare;
using ChildInfo.Subgraphs.VoluntarySector;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>
/// The SDL each subgraph serves from <c>_service { sdl }</c>, as a gateway fetches it at registration: the five
/// sample subgraphs the demo composes at start, and youth justice, each started over an empty SQLite file.
/// </summary>
public sealed class SubgraphSdlsFixture : IAsyncLifetime
{
    public IReadOnlyList<SubgraphSdl> Samples { get; private set; } = [];

    public SubgraphSdl YouthJustice { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        SubgraphDefinition[] samples = [new ChildIndexSubgraph(), new EducationSubgraph(), new EarlyYearsSubgraph(), new SocialCareSubgraph(), new VoluntarySectorSubgraph()];
        Samples = await Task.WhenAll(samples.Select(FetchAsync));
        YouthJustice = await FetchAsync(new YouthJusticeSubgraph());
    }

    private static async Task<SubgraphSdl> FetchAsync(SubgraphDefinition definition)
    {
        await using var host = await SubgraphTestHost.StartAsync(definition, SubgraphTestHost.TempSqlite(definition.Name));
        var result = await host.QueryAsync("{ _service { sdl } }");
        var sdl = result.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;
        return new SubgraphSdl(definition.Name, $"http://127.0.0.1:{definition.DefaultPort}/graphql", sdl);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
