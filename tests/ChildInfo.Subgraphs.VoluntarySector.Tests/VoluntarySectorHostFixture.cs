using System.Runtime.ExceptionServices;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>
/// One seeded voluntary-sector subgraph per provider, shared by that provider's tests. A provider that is not
/// available turns into a skip (or, under CI, a failure) in each test rather than a broken fixture.
/// </summary>
public abstract class VoluntarySectorHostFixture : IAsyncLifetime
{
    private SubgraphTestHost? _host;
    private ExceptionDispatchInfo? _unavailable;

    protected abstract DatabaseProvider Provider { get; }

    public VoluntarySectorSubgraph Definition { get; } = new();

    public SubgraphTestHost Host
    {
        get
        {
            _unavailable?.Throw();
            return _host!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        try
        {
            var database = await TestDatabases.CreateAsync(Provider, "voluntary_sector");
            _host = await SubgraphTestHost.StartAsync(Definition, database, VoluntarySectorSeed.WriteAsync);
        }
        catch (Exception ex)
        {
            _unavailable = ExceptionDispatchInfo.Capture(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteVoluntarySectorHost : VoluntarySectorHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresVoluntarySectorHost : VoluntarySectorHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
