using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>A gateway over the test deployment's subgraphs with its own audit log in a fresh SQLite file.</summary>
public sealed class AuditedGateway : IAsyncDisposable
{
    private AuditedGateway(WebApplication app, Uri url, string folder, GatewayAuditOptions options)
    {
        App = app;
        GraphQLUrl = url;
        Folder = folder;
        Options = options;
    }

    public WebApplication App { get; }

    public Uri GraphQLUrl { get; }

    public Uri BaseUrl => new(GraphQLUrl, "/");

    public string Folder { get; }

    public GatewayAuditOptions Options { get; }

    public string AuditFile => Options.ConnectionString;

    public IAuditStore Store => App.Services.GetRequiredService<GatewayAudit>().Store;

    public static async Task<AuditedGateway> StartAsync(GatewayEnvironment environment, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = Directory.CreateTempSubdirectory("childinfo-audit-tests-").FullName;
        var options = GatewayAuditOptions.ForDataDirectory(folder) with { CheckpointInterval = 10 };
        var (app, url) = await environment.StartGatewayAsync(environment.SubgraphUrls, services =>
        {
            services.AddGatewayAudit(options);
            configureServices?.Invoke(services);
        });
        return new AuditedGateway(app, url, folder, options);
    }

    public async Task<IReadOnlyList<AuditRecord>> RecordsAsync()
    {
        var all = new List<AuditRecord>();
        while (true)
        {
            var page = await Store.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, 1000);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }
}
