using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// An agency's root lookups over a real database with a context key, as its record-scope tests need: a seeded host
/// per test, and calls that carry a context signed for a test caller under a given record scope and relationships.
/// </summary>
public abstract class ScopedSubgraphTests : IAsyncLifetime
{
    private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private SubgraphTestHost _host = null!;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The agency under test.</summary>
    protected abstract SubgraphDefinition CreateDefinition();

    /// <summary>Fills the fresh database before the subgraph starts.</summary>
    protected abstract Task SeedAsync(AgencyDatabase database);

    /// <summary>Prefix of the test database's name.</summary>
    protected virtual string DatabaseName => "scope";

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(CreateDefinition(), await TestDatabases.CreateAsync(Provider, DatabaseName), SeedAsync, new SubgraphHostOptions { ContextKey = _key });

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Posts <paramref name="query"/> as <paramref name="user"/> under <paramref name="scope"/>, holding the relationships given.</summary>
    /// <param name="adjust">Changes the context before it is signed (narrower labels, no purpose...).</param>
    protected Task<JsonElement> PostAsync(string scope, string query, object? variables = null, string user = "nobody", string? team = null, string? organisation = null, string? school = null, string? setting = null,
        Func<ChildInfo.Subgraphs.Contract.SubgraphContext, ChildInfo.Subgraphs.Contract.SubgraphContext>? adjust = null)
    {
        var context = _host.Context(scope, user) with { Team = team, Organisation = organisation, School = school, Setting = setting };
        return _host.QueryAsync(adjust is null ? context : adjust(context), _key, query, variables);
    }

    /// <summary>
    /// Calls <c>_entities</c> as the gateway would, with one <paramref name="typeName"/> representation per key, as
    /// <paramref name="user"/> under <paramref name="scope"/>; returns each entity's key (null for a null entity) and
    /// the whole response.
    /// </summary>
    protected async Task<(IReadOnlyList<string?> Keys, JsonElement Response)> EntitiesAsync(
        string scope, string typeName, string keyField, IReadOnlyList<string> keys, string user = "nobody", string? team = null, string? organisation = null, string? school = null, string? setting = null)
    {
        var representations = keys.Select(k => new Dictionary<string, string> { ["__typename"] = typeName, [keyField] = k }).ToArray();
        var response = await PostAsync(scope, $"query($r: [_Any!]!) {{ _entities(representations: $r) {{ ... on {typeName} {{ {keyField} }} }} }}",
            new { r = representations }, user, team, organisation, school, setting);
        var found = response.GetProperty("data").GetProperty("_entities").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetProperty(keyField).GetString()).ToList();
        return (found, response);
    }

    /// <summary>
    /// Asserts that <paramref name="response"/> carries exactly one error, <c>OUTSIDE_SCOPE</c> at the entity at
    /// <paramref name="index"/>, naming none of <paramref name="keys"/>.
    /// </summary>
    protected static void AssertEntityOutsideScope(JsonElement response, int index, params string[] keys)
    {
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("OUTSIDE_SCOPE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["_entities", index.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            error.GetProperty("path").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number ? p.GetRawText() : p.GetString()));
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key, error.GetRawText(), StringComparison.Ordinal);
        }
    }

    /// <summary>The first error's code, or null when there is none.</summary>
    protected static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    /// <summary>The first error's message.</summary>
    protected static string Message(JsonElement response) => response.GetProperty("errors")[0].GetProperty("message").GetString()!;
}
