using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>
/// One early-years subgraph per provider and test class, seeded with <see cref="EarlyYearsSeed"/>. Started on first
/// use inside a test, so a provider that is missing skips the tests (or fails them under CI) with its reason.
/// </summary>
public abstract class EarlyYearsFixture : IAsyncDisposable
{
    private readonly Lazy<Task<SubgraphTestHost>> _host;

    protected EarlyYearsFixture() => _host = new(StartAsync);

    protected abstract DatabaseProvider Provider { get; }

    public QueryCounter Queries { get; } = new();

    public Task<SubgraphTestHost> HostAsync() => _host.Value;

    private async Task<SubgraphTestHost> StartAsync()
    {
        var database = await TestDatabases.CreateAsync(Provider, "early-years");
        return await SubgraphTestHost.StartAsync(new EarlyYearsSubgraph(Queries), database, EarlyYearsSeed.SeedAsync);
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

public sealed class SqliteEarlyYearsFixture : EarlyYearsFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresEarlyYearsFixture : EarlyYearsFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
