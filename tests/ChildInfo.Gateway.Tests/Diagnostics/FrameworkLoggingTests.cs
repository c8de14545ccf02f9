using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildInfo.Gateway.Tests.Diagnostics;

/// <summary>
/// The framework's own log lines are capped at Information (below it they name request paths) and never raised above
/// the configured default: with the default level the framework writes no line per request.
/// </summary>
public sealed class FrameworkLoggingTests
{
    [Theory]
    [InlineData(null, LogLevel.Warning)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("Debug", LogLevel.Information)]
    [InlineData("Trace", LogLevel.Information)]
    public async Task FrameworkLines_AreAtLeastTheConfiguredDefault_AndNeverBelowInformation(string? configuredDefault, LogLevel lowest)
    {
        var logs = new CapturedLogs();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(configuredDefault is null
            ? []
            : new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = configuredDefault }).Build();
        await using var app = GatewayHost.Create(
            new GatewayHostOptions { SupergraphSdl = DemoSupergraph.Load(), Urls = "http://127.0.0.1:0", Configuration = configuration },
            services => services.AddSingleton<ILoggerProvider>(logs));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            using var health = await client.GetAsync(new Uri(new Uri(address), "/health"), TestContext.Current.CancellationToken);
            Assert.True(health.IsSuccessStatusCode);
        }

        await app.StopAsync(TestContext.Current.CancellationToken);
        // Scopes are captured as lines of their own, but a sink writes them only beside a line: lines alone count here.
        var framework = logs.Lines.Where(l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !l.Message.StartsWith("scope: ", StringComparison.Ordinal)).ToList();
        Assert.All(framework, line => Assert.True(line.Level >= lowest, $"{line.Category} {line.Level}: {line.Message}"));
        if (lowest == LogLevel.Information)
        {
            // The cap lets Information through: the framework's per-request line is there to see.
            Assert.Contains(framework, l => l.Message.StartsWith("Executing endpoint", StringComparison.Ordinal));
        }
    }
}
