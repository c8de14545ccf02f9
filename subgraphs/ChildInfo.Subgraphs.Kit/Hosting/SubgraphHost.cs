using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildInfo.Subgraphs.Kit.Hosting;

/// <summary>Builds and runs an agency subgraph as an ASP.NET Core service speaking the federation protocol.</summary>
public static class SubgraphHost
{
    /// <summary>Entry point of a subgraph started on its own: <c>dotnet run --project subgraphs/...</c>.</summary>
    public static async Task<int> RunAsync(SubgraphDefinition definition, string[] args)
    {
        ArgumentNullException.ThrowIfNull(definition);
        WebApplication app;
        try
        {
            app = await CreateAsync(definition, new SubgraphHostOptions(), args).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"{definition.Name}: cannot start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Builds the application (schema created if missing) without starting it.</summary>
    public static async Task<WebApplication> CreateAsync(SubgraphDefinition definition, SubgraphHostOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = definition.GetType().Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(options.Url ?? builder.Configuration["urls"] ?? $"http://127.0.0.1:{definition.DefaultPort}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        var database = new AgencyDatabase(ResolveDatabase(definition, options, builder.Configuration));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(definition);
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<RequestLoaders>();
        definition.ConfigureServices(builder.Services);
        builder.Services.AddGraphQL(b =>
        {
            b.AddSystemTextJson();
            b.AddFederation("2.3");
            b.AddGraphTypeMappingProvider(new KitTypeMappings());
            b.AddGraphTypes(typeof(SubgraphHost).Assembly);
            b.ConfigureExecutionOptions(o => o.ThrowOnUnhandledException = false);
            definition.ConfigureGraphQL(b);
        });

        var app = builder.Build();
        if (database.Options.CreateSchema)
            await SchemaInstaller.EnsureCreatedAsync(database, definition.DatabaseSchema).ConfigureAwait(false);
        app.MapGet("/health", () => Microsoft.AspNetCore.Http.Results.Json(new { status = "ok", subgraph = definition.Name }));
        GraphQLEndpoint.Map(app, "/graphql");
        return app;
    }

    private static DatabaseOptions ResolveDatabase(SubgraphDefinition definition, SubgraphHostOptions options, IConfiguration configuration)
    {
        var configured = options.Database ?? configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (configured.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(configured.ConnectionString))
        {
            Directory.CreateDirectory("data");
            configured = configured with { ConnectionString = $"Data Source={Path.Combine("data", definition.Name + ".db")}" };
        }
        return configured;
    }
}
