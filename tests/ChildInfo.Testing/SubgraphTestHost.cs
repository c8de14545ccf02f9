using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Testing;

/// <summary>
/// A real subgraph on a free loopback port over a real database, for tests that speak to it over HTTP as the
/// gateway would.
/// </summary>
public sealed class SubgraphTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SubgraphTestHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        Client = new HttpClient { BaseAddress = url };
    }

    /// <summary>Base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The GraphQL endpoint.</summary>
    public Uri GraphQLUrl => new(Url, "graphql");

    public HttpClient Client { get; }

    public AgencyDatabase Database => _app.Services.GetRequiredService<AgencyDatabase>();

    /// <summary>Starts <paramref name="definition"/> over <paramref name="database"/>; <paramref name="seed"/> fills it first.</summary>
    public static async Task<SubgraphTestHost> StartAsync(
        SubgraphDefinition definition,
        DatabaseOptions database,
        Func<AgencyDatabase, Task>? seed = null,
        SubgraphHostOptions? options = null)
    {
        var app = await SubgraphHost.CreateAsync(definition, (options ?? new SubgraphHostOptions()) with { Url = "http://127.0.0.1:0", Database = database }).ConfigureAwait(false);
        if (seed is not null)
        {
            await seed(app.Services.GetRequiredService<AgencyDatabase>()).ConfigureAwait(false);
        }

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SubgraphTestHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A fresh SQLite database file among the test run's throwaway databases (<see cref="RealServers.SqliteFile"/>).</summary>
    public static DatabaseOptions TempSqlite(string name) => DatabaseOptions.SqliteFile(RealServers.SqliteFile(name));

    /// <summary>Posts a GraphQL request and returns the parsed response body, whatever the status code.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string? operationName = null)
    {
        using var response = await Client.PostAsJsonAsync("graphql", new { query, variables, operationName }).ConfigureAwait(false);
        return await ReadAsync(response).ConfigureAwait(false);
    }

    /// <summary>The field classification the subgraph checks contexts against (hosts started with a context key).</summary>
    public FieldClassification Classification => _app.Services.GetRequiredService<FieldClassification>();

    /// <summary>The name the subgraph checks each context's audience (<c>aud</c>) against.</summary>
    public string Name => _app.Services.GetRequiredService<SubgraphHostOptions>().Name!;

    /// <summary>
    /// A context for a test caller acting as role <c>role</c> for purpose <c>purpose</c> under <paramref name="scope"/>,
    /// allowed every label and link of the subgraph's classification, to read and to record (narrow them with <c>with</c>), for this
    /// subgraph, valid for the default lifetime.
    /// </summary>
    public SubgraphContext Context(string scope, string user = "nobody") => new(user, "role", "purpose", "req-1")
    {
        Scope = scope,
        Rule = "role/purpose",
        Labels = Classification.Labels.Concat(Classification.Labels.Select(l => SubgraphContext.RecordingLabelPrefix + l)).ToHashSet(StringComparer.Ordinal),
        Links = Classification.LinkFields,
        Audience = Name,
        IssuedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow + SubgraphContextToken.DefaultLifetime,
    };

    /// <summary>
    /// Posts a GraphQL request carrying <paramref name="context"/> signed with <paramref name="key"/>, bound to the
    /// body sent unless the context names another body hash; returns the parsed body.
    /// </summary>
    public async Task<JsonElement> QueryAsync(SubgraphContext context, byte[] key, string query, object? variables = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query, variables });
        var token = SubgraphContextToken.Create(context with { BodyHash = context.BodyHash ?? SubgraphContextToken.BodyHash(body) }, key);
        using var response = await PostSignedAsync(body, token).ConfigureAwait(false);
        return await ReadAsync(response).ConfigureAwait(false);
    }

    /// <summary>Posts <paramref name="body"/> exactly as given with <paramref name="token"/> as its context (none when null).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Add(SubgraphContextToken.HeaderName, token);
        }

        return await Client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Posts a raw body (for malformed-input tests) and returns status and parsed body.</summary>
    public async Task<(int Status, JsonElement Body)> PostRawAsync(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        using var response = await Client.PostAsync("graphql", content).ConfigureAwait(false);
        return ((int)response.StatusCode, await ReadAsync(response).ConfigureAwait(false));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
