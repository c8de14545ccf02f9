using ChildInfo.Federation.Composition;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Registry;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Registry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo serve</c>: the gateway on a supergraph file (<c>--supergraph</c>), or else the subgraphs the executable
/// embeds (<see cref="CommandLineExtensions.StartEmbedded"/>: the demo's sample agencies); the production host embeds
/// none and asks for a supergraph. With <c>--open</c> (Development only) the supergraph is served with no identity,
/// purpose or policies: see <see cref="OpenMode"/>.
/// </summary>
public static class ServeCommand
{
    /// <summary>The file in the data folder where the host keeps the operations it plans ahead after a restart.</summary>
    public const string RecentOperationsFileName = "recent-operations.json";

    /// <param name="environment">The .NET environment name (<see cref="TokenCommand.CurrentEnvironment"/>): <c>--open</c> needs Development.</param>
    public static async Task<int> RunAsync(ServeOptions options, TextWriter output, TextWriter error, CommandLineExtensions extensions, string environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(extensions);
        if (options.Open && !OpenMode.IsAllowedIn(environment))
        {
            await error.WriteLineAsync($"childinfo: --open serves every field to every caller with no identity, purpose or policies, and runs only in the Development environment (this is '{environment}'). Set DOTNET_ENVIRONMENT=Development to try the engine on a supergraph; in production, configure identity and policies.").ConfigureAwait(false);
            return 2;
        }

        EmbeddedSubgraphs? embedded = null;
        ServeSettingsLoader? settings = null;
        try
        {
            string supergraph;
            // A wrong command line first (exit 2), then every setting, read and checked before anything starts: a bad
            // one stops here, naming itself (exit 1).
            if (options.SupergraphFile is { } missing && !File.Exists(missing))
            {
                await error.WriteLineAsync($"childinfo: the supergraph file '{missing}' does not exist.").ConfigureAwait(false);
                return 2;
            }

            var configuration = ServeConfiguration.Build(options, environment);
            settings = new ServeSettingsLoader(configuration);
            var serveSettings = settings.Settings;
            _ = settings.WebSignIn;
            // Open mode has no identity or policies, and so no signed request context: its subgraphs need no key.
            var security = options.Open ? null : ServeSecurity.Create(options, settings);
            IReadOnlyDictionary<string, string> subgraphUrls = new Dictionary<string, string>();
            IReadOnlyList<SubgraphSdl>? configured = null;
            if (options.SupergraphFile is { } file)
            {
                supergraph = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            }
            else if (extensions.StartEmbedded is { } start)
            {
                embedded = await start(options, security?.ContextSigningKey, output, cancellationToken).ConfigureAwait(false);
                subgraphUrls = embedded.Urls;
                (supergraph, configured) = (embedded.Supergraph, embedded.Subgraphs);
            }
            else
            {
                await error.WriteLineAsync("childinfo: serve needs --supergraph FILE (the demo with the sample agencies is `dotnet run --project gateway/ChildInfo.Gateway.Demo`).").ConfigureAwait(false);
                return 2;
            }

            if (options.Open)
            {
                await error.WriteLineAsync("childinfo: WARNING " + OpenMode.Warning).ConfigureAwait(false);
            }

            var registry = await ServeRegistry.CreateAsync(options.DataDirectory, configured, serveSettings, output, cancellationToken).ConfigureAwait(false);
            var app = await StartGatewayAsync(options, configuration, serveSettings, security, supergraph, subgraphUrls, registry, cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                var state = app.Services.GetRequiredService<GatewayState>();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
                await output.WriteLineAsync($"ChildInfo gateway listening on {address}/graphql (health: {address}/health){(options.Open ? " in OPEN MODE: no identity, purpose or policies" : "")}").ConfigureAwait(false);
                await output.WriteLineAsync(embedded is not null ? embedded.Description : "Supergraph: " + Path.GetFullPath(options.SupergraphFile!)).ConfigureAwait(false);
                var urls = state.Current.Supergraph.Subgraphs.ToDictionary(s => s.Name, s => subgraphUrls.TryGetValue(s.Name, out var u) ? u : s.Url);
                foreach (var (name, up) in await SubgraphProbe.ProbeAsync(app.Services.GetRequiredService<HttpClient>(), urls, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync($"  {name,-18} {urls[name],-36} {(up ? "up" : "NOT ANSWERING")}").ConfigureAwait(false);
                }

                await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }
        catch (ServeConfigurationException ex)
        {
            await error.WriteLineAsync("childinfo: the configuration cannot be used:").ConfigureAwait(false);
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync("  " + problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Settings come from appsettings.json, environment variables (ChildInfo__RateLimit__PermitLimit) and --ChildInfo:RateLimit:PermitLimit=N on the command line; the README's configuration reference lists them.").ConfigureAwait(false);
            return 1;
        }
        catch (Authorisation.PolicyLoadException ex)
        {
            await error.WriteLineAsync($"childinfo: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Identity", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"childinfo: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is ArgumentException && ex.Message.Contains("audit", StringComparison.OrdinalIgnoreCase)))
        {
            await error.WriteLineAsync($"childinfo: the audit log cannot be set up: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is SubgraphCallOptionsException or Diagnostics.TelemetryOptionsException)
        {
            await error.WriteLineAsync($"childinfo: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (RegistryStoreException ex)
        {
            await error.WriteLineAsync($"childinfo: the subgraph registry cannot be opened: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (SupergraphException ex)
        {
            await error.WriteLineAsync($"childinfo: the supergraph cannot be served: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (EmbeddedSubgraphsException ex)
        {
            await error.WriteLineAsync($"childinfo: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"childinfo: cannot start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            settings?.Dispose();
            if (embedded is not null)
            {
                await embedded.Running.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Aggregate questions need policies and a stable record-key secret: configured, or for the embedded demo kept in
    /// its data folder. Without either they are answered 503 (not configured).
    /// </summary>
    private static Analytics.AnalyticsOptions? AnalyticsOptions(ServeOptions options, AnalyticsSettings settings, GatewaySecurityOptions? security)
    {
        if (security is null)
        {
            return null;
        }

        if (settings.RecordKeySecret is { Length: > 0 } secret)
        {
            return settings.ToOptions(Convert.FromBase64String(secret.Trim()));
        }

        return options.SupergraphFile is null ? settings.ToOptions(DevelopmentIdentity.EnsureKeyFile(Path.Combine(options.DataDirectory, AnalyticsSettings.KeyFileName))) : null;
    }

    /// <summary>Starts on the requested URLs; on the default port, falls back to a free port when 4000 is taken.</summary>
    private static async Task<WebApplication> StartGatewayAsync(ServeOptions options, IConfiguration configuration, ServeSettings settings, GatewaySecurityOptions? security, string supergraph, IReadOnlyDictionary<string, string> subgraphUrls, ServeRegistry registry, CancellationToken cancellationToken)
    {
        var hostOptions = new GatewayHostOptions
        {
            SupergraphSdl = supergraph,
            SubgraphUrls = subgraphUrls,
            Urls = options.Urls ?? ServeOptions.DefaultUrls,
            Configuration = configuration,
            // The older variable names (CHILDINFO_AUDIT_*) still work where ChildInfo:Audit does not say.
            Audit = settings.Audit.Resolve(options.DataDirectory, configuration).ToOptions(),
            DataProtectionKeysDirectory = Path.Combine(options.DataDirectory, "keys"),
            RecentOperationsFile = Path.Combine(options.DataDirectory, RecentOperationsFileName),
            Security = security,
            Open = options.Open,
            Registry = registry.Options,
            RateLimiter = registry.RateLimiter,
            QuestionBudget = registry.QuestionBudget,
            Analytics = AnalyticsOptions(options, settings.Analytics, security),
            // The linkage job needs policies (only a linkage-only purpose may run it).
            Linkage = security is null ? null : settings.Linkage.ToOptions(options.DataDirectory, embeddedDemo: options.SupergraphFile is null),
        };
        var app = GatewayHost.Create(hostOptions);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch (IOException) when (options.Urls is null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        var fallback = GatewayHost.Create(hostOptions with { Urls = "http://127.0.0.1:0" });
        await fallback.StartAsync(cancellationToken).ConfigureAwait(false);
        return fallback;
    }
}
