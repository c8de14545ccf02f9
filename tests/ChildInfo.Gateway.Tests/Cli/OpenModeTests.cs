using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Demo;
using ChildInfo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Cli;

/// <summary>
/// <c>childinfo serve --supergraph FILE --open</c>: any supergraph served with no identity, purpose or policies, in
/// Development only, saying so at start and on <c>/health</c>, and still audited. The environment name is passed in,
/// as the command line passes it from <c>DOTNET_ENVIRONMENT</c>, so no test changes the process's environment.
/// </summary>
public sealed class OpenModeTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Serve_Open_OutsideDevelopment_Exit2_AndStartsNothing(string environment)
    {
        using var folder = TempFolder.Create("childinfo-open-refused-");
        var supergraph = folder.Combine("supergraph.graphql");
        await File.WriteAllTextAsync(supergraph, Compose("http://127.0.0.1:9/graphql"));
        var data = Directory.CreateDirectory(folder.Combine("data")).FullName;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var options = ServeOptions.Parse(["--supergraph", supergraph, "--open", "--data", data, "--urls", "http://127.0.0.1:0"]);
        var exitCode = await ServeCommand.RunAsync(options, output, error, CommandLineExtensions.None, environment, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("childinfo: --open ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"only in the Development environment (this is '{environment}')", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("DOTNET_ENVIRONMENT=Development", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(data));
    }

    [Fact]
    public async Task Serve_OpenWithoutSupergraph_Exit2_NamingSupergraph()
    {
        foreach (var extensions in new[] { CommandLineExtensions.None, DemoCommandLine.Extensions })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await CommandLine.RunAsync(["serve", "--open", "--urls", "http://127.0.0.1:0"], output, error, extensions, TestContext.Current.CancellationToken);

            Assert.Equal(2, exitCode);
            Assert.StartsWith("childinfo: --open ", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("needs --supergraph FILE", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, output.ToString());
        }
    }

    [Fact]
    public async Task Serve_OpenInDevelopment_ForeignSupergraph_AnswersWithoutTokenOrPurpose_SaysOpen_AndAudits()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = TempFolder.Create("childinfo-open-");
        await using var products = await ProductsSubgraph.StartAsync();
        var supergraph = folder.Combine("supergraph.graphql");
        await File.WriteAllTextAsync(supergraph, Compose(products.Url), cancellationToken);
        var data = folder.Combine("data");
        using var output = new ListeningWriter();
        using var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var options = ServeOptions.Parse(["--supergraph", supergraph, "--open", "--data", data, "--urls", "http://127.0.0.1:0"]);
        var serving = ServeCommand.RunAsync(options, output, error, CommandLineExtensions.None, "Development", stop.Token);
        try
        {
            var address = await output.Listening.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            using var client = new HttpClient { BaseAddress = address };

            // No bearer token, no purpose header: answered all the same.
            using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ topProducts { upc name price } }" }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using (var json = JsonDocument.Parse(body))
            {
                Assert.False(json.RootElement.TryGetProperty("errors", out _), body);
                var product = json.RootElement.GetProperty("data").GetProperty("topProducts")[0];
                Assert.Equal("Table", product.GetProperty("name").GetString());
                Assert.Equal(899, product.GetProperty("price").GetInt32());
            }

            // Open mode has no context key: the subgraph is asked without a signed request context.
            Assert.Contains(products.Calls, c => c.Query.Contains("topProducts", StringComparison.Ordinal));
            Assert.All(products.Calls, c => Assert.False(c.HadContextHeader));

            using var health = JsonDocument.Parse(await client.GetStringAsync("/health", cancellationToken));
            Assert.True(health.RootElement.GetProperty("open").GetBoolean());
            Assert.Contains("OPEN MODE", health.RootElement.GetProperty("warning").GetString(), StringComparison.Ordinal);
            Assert.Contains("OPEN MODE", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("OPEN MODE", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.True(await serving == 0, error.ToString());
        }

        var records = await AuditRecordsAsync(Path.Combine(data, "audit.db"));
        var record = Assert.Single(records, r => r.OperationText?.Contains("topProducts", StringComparison.Ordinal) == true);
        Assert.Equal(GatewayAudit.Unidentified, record.User);
        Assert.Equal(GatewayAudit.NoPurpose, record.Purpose);
        Assert.Equal(AuditOutcome.Ok, record.Outcome);
    }

    [Fact]
    public async Task Serve_WithoutOpen_HealthSaysNotOpen()
    {
        // The same field on a gateway with security: false, and no warning.
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var products = await ProductsSubgraph.StartAsync();
        await using var app = Hosting.GatewayHost.Create(new Hosting.GatewayHostOptions { SupergraphSdl = Compose(products.Url), Urls = "http://127.0.0.1:0" });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var health = JsonDocument.Parse(await client.GetStringAsync("/health", cancellationToken));

        Assert.False(health.RootElement.GetProperty("open").GetBoolean());
        Assert.Equal(JsonValueKind.Null, health.RootElement.GetProperty("warning").ValueKind);
        await app.StopAsync(cancellationToken);
    }

    private static string Compose(string url)
    {
        var result = SupergraphComposer.Compose([new SubgraphSdl(ProductsSubgraph.Name, url, ProductsSubgraph.Sdl)]);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        return result.Supergraph!;
    }

    private static async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync(string file)
    {
        try
        {
            var store = AuditStores.Open(AuditStoreProvider.Sqlite, file);
            return await store.ReadAsync(0, 1000, TestContext.Current.CancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// A subgraph that is not ours (a product catalogue) on a free loopback port, with canned answers; it records each
    /// call's query and whether it carried a signed request context.
    /// </summary>
    private sealed class ProductsSubgraph : IAsyncDisposable
    {
        public const string Name = "products";

        public const string Sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Query { topProducts: [Product!]! }
            type Product @key(fields: "upc") { upc: String! name: String! price: Int }
            """;

        private readonly WebApplication _app;

        private ProductsSubgraph(WebApplication app, string url, ConcurrentQueue<(string Query, bool HadContextHeader)> calls)
        {
            _app = app;
            Url = url;
            Calls = calls;
        }

        public string Url { get; }

        public ConcurrentQueue<(string Query, bool HadContextHeader)> Calls { get; }

        public static async Task<ProductsSubgraph> StartAsync()
        {
            var calls = new ConcurrentQueue<(string Query, bool HadContextHeader)>();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/graphql", async (HttpContext http) =>
            {
                using var body = await JsonDocument.ParseAsync(http.Request.Body).ConfigureAwait(false);
                var query = body.RootElement.GetProperty("query").GetString() ?? "";
                calls.Enqueue((query, http.Request.Headers.ContainsKey(Subgraphs.Contract.SubgraphContextToken.HeaderName)));
                object data = query.Contains("_service", StringComparison.Ordinal) ? new { _service = new { sdl = Sdl } }
                    : query.Contains("topProducts", StringComparison.Ordinal) ? new { topProducts = new[] { new { __typename = "Product", upc = "1", name = "Table", price = 899 } } }
                    : new { __typename = "Query" };
                await http.Response.WriteAsJsonAsync(new { data }).ConfigureAwait(false);
            });
            await app.StartAsync().ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return new ProductsSubgraph(app, address + "/graphql", calls);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Collects what <c>serve</c> prints and completes <see cref="Listening"/> with the address it names.</summary>
    private sealed class ListeningWriter : StringWriter
    {
        private const string Marker = "listening on ";
        private readonly Lock _lock = new();
        private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Uri> Listening => _listening.Task;

        public override void WriteLine(string? value)
        {
            lock (_lock)
            {
                base.WriteLine(value);
            }

            if (value?.IndexOf(Marker, StringComparison.Ordinal) is >= 0 and var at)
            {
                var url = value[(at + Marker.Length)..].Split(' ')[0];
                _listening.TrySetResult(new Uri(url[..url.LastIndexOf("/graphql", StringComparison.Ordinal)] + "/"));
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
