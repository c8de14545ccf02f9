using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChildInfo.LoadGateway;

/// <summary>
/// <c>ChildInfo.LoadGateway --supergraph FILE [--urls URLS] [--audit on|off] [--data DIR]</c>: the gateway over
/// a supergraph file, built the way <c>childinfo serve --supergraph</c> builds it (identity, policies and the context
/// key from the same environment variables, the audit store from <c>CHILDINFO_AUDIT_*</c> or <c>DIR/audit.db</c>),
/// except that <c>--audit off</c> leaves the audit log out, which <c>childinfo serve</c> never does. Both sides of
/// <c>load/audit.sh</c> run this host, so the audit is the only difference between them. With <c>--data</c> it keeps
/// and plans ahead its recent operations there, as serve does; without, it starts cold.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var reader = new ArgumentReader("gateway", args, new HashSet<string> { "supergraph", "urls", "audit", "data" }, new HashSet<string>());
            var file = reader.String("supergraph") ?? throw new CommandLineException("'gateway' needs --supergraph FILE.");
            var audit = reader.String("audit") ?? "on";
            if (audit is not ("on" or "off"))
            {
                throw new CommandLineException($"--audit takes on or off, not '{audit}'.");
            }

            var options = new GatewayHostOptions
            {
                SupergraphSdl = await File.ReadAllTextAsync(file),
                Urls = reader.String("urls") ?? "http://127.0.0.1:0",
                Security = ServeSecurity.Create(new ServeOptions { SupergraphFile = file }),
                Audit = audit == "on"
                    ? AuditConfiguration.Resolve(reader.String("data") ?? ".", null, null, null, Environment.GetEnvironmentVariable).ToOptions()
                    : null,
                // As serve keeps them in its data folder: only where --data names one, so a benchmark run starts cold.
                RecentOperationsFile = reader.String("data") is { } data ? Path.Combine(data, ServeCommand.RecentOperationsFileName) : null,
                // Aggregate questions (load/cohorts.sh): the settings' defaults, with a record-key secret for this run.
                Analytics = new AnalyticsSettings().ToOptions(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            };
            var app = GatewayHost.Create(options);
            await using (app)
            {
                await app.StartAsync();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
                Console.WriteLine($"Load gateway (audit {audit}) listening on {address}/graphql");
                await app.WaitForShutdownAsync();
            }

            return 0;
        }
        catch (CommandLineException ex)
        {
            await Console.Error.WriteLineAsync("gateway: " + ex.Message);
            return 2;
        }
    }
}
