using System.Runtime.ExceptionServices;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>
/// One seeded social-care subgraph per provider, shared by that provider's tests. A provider that is not
/// available turns into a skip (or, under CI, a failure) in each test rather than a broken fixture.
/// </summary>
public abstract class SocialCareHostFixture : IAsyncLifetime
{
    private SubgraphTestHost? _host;
    private ExceptionDispatchInfo? _unavailable;

    protected abstract DatabaseProvider Provider { get; }

    public SocialCareSubgraph Definition { get; } = new();

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
            var database = await TestDatabases.CreateAsync(Provider, "social_care");
            _host = await SubgraphTestHost.StartAsync(Definition, database, SocialCareSeed.WriteAsync);
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

public sealed class SqliteSocialCareHost : SocialCareHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSocialCareHost : SocialCareHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
