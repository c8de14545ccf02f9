using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildInfo.Subgraphs.Kit.Hosting;

/// <summary>Builds and runs an agency subgraph as an ASP.NET Core service speaking the federation protocol.</summary>
public static partial class SubgraphHost
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
        // Configuration is read once at start: a reloadable appsettings.json would put a recursive file watcher on the
        // content root, which wakes on every write beneath it (the databases among them).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false", .. args ?? []], ApplicationName = definition.GetType().Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(options.Url ?? builder.Configuration["urls"] ?? $"http://127.0.0.1:{definition.DefaultPort}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        options = options with
        {
            ContextKey = ResolveContextKey(options, builder.Configuration),
            Name = options.Name ?? builder.Configuration["Subgraph:Name"] ?? definition.Name,
        };
        if (options.ContextKey is { } contextKey)
        {
            builder.Services.AddSingleton(ResolveClassification(definition, builder.Configuration));
            builder.Services.AddSingleton(new SubgraphContextVerifier(contextKey, options.Name, options.Time));
        }
        var database = new AgencyDatabase(ResolveDatabase(definition, options, builder.Configuration));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(definition);
        builder.Services.AddSingleton(definition.CohortFacts);
        builder.Services.AddSingleton(definition.LinkageRecords);
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
        if (options.ContextKey is null)
        {
            Log.AcceptsUnsignedCalls(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChildInfo.Subgraph"), definition.Name);
        }

        if (database.Options.CreateSchema)
        {
            await SchemaInstaller.EnsureCreatedAsync(database, definition.DatabaseSchema).ConfigureAwait(false);
        }

        app.MapGet("/health", () => Microsoft.AspNetCore.Http.Results.Json(new { status = "ok", subgraph = definition.Name }));
        GraphQLEndpoint.Map(app, "/graphql");
        return app;
    }

    private static byte[]? ResolveContextKey(SubgraphHostOptions options, IConfiguration configuration)
    {
        var key = options.ContextKey;
        if (key is null && configuration["Subgraph:ContextKey"] is { Length: > 0 } configured)
        {
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new ArgumentException("Subgraph:ContextKey is not base64.");
            }
        }

        if (key is not null && key.Length < SubgraphContextToken.MinKeyBytes)
        {
            throw new ArgumentException($"The request context key must be at least {SubgraphContextToken.MinKeyBytes} bytes (256 bits).");
        }

        return key;
    }

    /// <summary>The field labels a subgraph with a context key checks each call against; it refuses to start without any.</summary>
    private static FieldClassification ResolveClassification(SubgraphDefinition definition, IConfiguration configuration)
    {
        var classification = configuration["Subgraph:Classifications"] is { Length: > 0 } paths
            ? FieldClassification.FromFiles(paths.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : definition.LoadClassification();
        if (classification.Count == 0)
        {
            throw new InvalidOperationException($"Subgraph {definition.Name} has no field classification, so with a context key it could serve nothing: embed its classification documents or set Subgraph:Classifications.");
        }

        return classification;
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

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Warning, "Subgraph {Subgraph} has no context key (Subgraph__ContextKey): it accepts unsigned calls, which is for development only.")]
        public static partial void AcceptsUnsignedCalls(ILogger logger, string subgraph);
    }
}
