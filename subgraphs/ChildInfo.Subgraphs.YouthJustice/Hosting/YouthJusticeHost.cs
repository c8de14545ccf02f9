using System.Data.Common;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.YouthJustice.Seeding;

namespace ChildInfo.Subgraphs.YouthJustice.Hosting;

/// <summary>
/// Starts the youth justice subgraph on its own: the kit's host, plus seeding an empty database from the demo's
/// child index before it listens. A problem a user can fix (no child index, a bad setting) ends with a message
/// and exit code 1, not a stack trace.
/// </summary>
public static class YouthJusticeHost
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        WebApplication app;
        try
        {
            app = await CreateAsync(new YouthJusticeSubgraph(), args, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or DbException)
        {
            await error.WriteLineAsync($"youth-justice: cannot start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>Builds the subgraph (database created and, when empty, seeded) without starting it.</summary>
    public static async Task<WebApplication> CreateAsync(YouthJusticeSubgraph subgraph, string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string>(YouthJusticeOptions.Switches))
            .Build();
        var options = YouthJusticeOptions.FromConfiguration(configuration);
        var app = await SubgraphHost.CreateAsync(subgraph, new SubgraphHostOptions { Database = options.DatabaseIn(configuration) }, args).ConfigureAwait(false);
        try
        {
            if (options.Seed)
            {
                await YouthJusticeSeeder.EnsureSeededAsync(app.Services.GetRequiredService<AgencyDatabase>(), options.ChildIndexDatabase, output, cancellationToken).ConfigureAwait(false);
            }

            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
