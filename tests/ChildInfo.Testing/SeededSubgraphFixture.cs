using System.Runtime.ExceptionServices;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// One seeded subgraph per provider, shared by that provider's tests (a class fixture). A provider that is not
/// available turns into a skip (or, under CI, a failure) in each test rather than a broken fixture.
/// </summary>
public abstract class SeededSubgraphFixture<TDefinition> : IAsyncLifetime
    where TDefinition : SubgraphDefinition, new()
{
    private SubgraphTestHost? _host;
    private ExceptionDispatchInfo? _unavailable;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Prefix of the test database's name.</summary>
    protected abstract string DatabaseName { get; }

    public TDefinition Definition { get; } = new();

    public SubgraphTestHost Host
    {
        get
        {
            _unavailable?.Throw();
            return _host!;
        }
    }

    /// <summary>Fills the fresh database before the subgraph starts.</summary>
    protected abstract Task SeedAsync(AgencyDatabase database);

    public async ValueTask InitializeAsync()
    {
        try
        {
            var database = await TestDatabases.CreateAsync(Provider, DatabaseName).ConfigureAwait(false);
            _host = await SubgraphTestHost.StartAsync(Definition, database, SeedAsync).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Rethrown in each test through Host, where a skip or failure belongs.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _unavailable = ExceptionDispatchInfo.Capture(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
