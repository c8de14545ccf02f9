using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>
/// One education subgraph per provider and test class, seeded with <see cref="EducationSeed"/>. Started on first
/// use inside a test, so a provider that is missing skips the tests (or fails them under CI) with its reason.
/// </summary>
public abstract class EducationFixture : IAsyncDisposable
{
    private readonly Lazy<Task<SubgraphTestHost>> _host;

    protected EducationFixture() => _host = new(StartAsync);

    protected abstract DatabaseProvider Provider { get; }

    public QueryCounter Queries { get; } = new();

    public Task<SubgraphTestHost> HostAsync() => _host.Value;

    private async Task<SubgraphTestHost> StartAsync()
    {
        var database = await TestDatabases.CreateAsync(Provider, "education");
        return await SubgraphTestHost.StartAsync(new EducationSubgraph(Queries), database, EducationSeed.SeedAsync);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host.IsValueCreated && _host.Value.IsCompletedSuccessfully)
        {
            await (await _host.Value).DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteEducationFixture : EducationFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresEducationFixture : EducationFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
