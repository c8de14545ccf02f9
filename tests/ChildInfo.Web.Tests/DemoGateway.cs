using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(ChildInfo.Web.Tests.DemoGateway))]

namespace ChildInfo.Web.Tests;

/// <summary>
/// The README's demo, in-process: the same 2,000 children (seed 1) in a temp folder, the five sample subgraphs with
/// a context key, identity with the development key, the sample policies and a SQLite audit, in the Development
/// environment so the persona sign-in is offered.
/// </summary>
public sealed class DemoGateway : IAsyncLifetime
{
    private DemoSubgraphs? _subgraphs;
    private WebApplication? _app;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("childinfo-web-tests-").FullName;

    public Uri BaseUrl { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Development");
        await DemoData.EnsureAsync(DataDirectory, 2_000, 1, TextWriter.Null, CancellationToken.None);
        var contextKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        _subgraphs = await DemoSubgraphs.StartAsync(DataDirectory, preferredPorts: false, contextKey, CancellationToken.None);
        _app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = _subgraphs.Urls,
            Security = new GatewaySecurityOptions
            {
                Identity = DevelopmentIdentity.Options(DevelopmentIdentity.EnsureKey(DataDirectory)),
                PolicyDirectory = Path.Combine(RepositoryRoot(), "policies", "sample"),
                ContextSigningKey = contextKey,
            },
            Audit = AuditConfiguration.Resolve(DataDirectory, "sqlite", null, null, _ => null).ToOptions(),
        });
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>The gateway's services (its audit store, for tests that read what was recorded).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>A development token for a demo person, as signing in as them gives.</summary>
    public string Token(string persona) =>
        DevelopmentIdentity.CreateToken(DevelopmentIdentity.EnsureKey(DataDirectory), ChildInfo.Gateway.Web.Personas.Find(persona)!.Token, DateTimeOffset.UtcNow);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChildInfo.Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChildInfo.Gateway.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the system.
        }
    }
}
