using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// An agency's record scope over a real database with a context key, as its record-scope tests need: a seeded host
/// per test, and calls that carry a context signed for a test caller under a given record scope and relationships.
/// Every agency also runs the same <c>_entities</c> cases here (its entity described by <see cref="Entity"/>): a
/// record in scope comes back, one outside it (or an unknown key) is null with <c>OUTSIDE_SCOPE</c> and none of its
/// data, a mixed batch returns only the records in scope in one SQL statement, everyone's scope (how the gateway signs
/// break-glass) reaches the record, and a scope the agency cannot decide reaches no record at all.
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

    /// <summary>The agency's entity and seed records for the shared <c>_entities</c> cases.</summary>
    protected abstract EntityScopeCase Entity { get; }

    /// <summary>Prefix of the test database's name.</summary>
    protected virtual string DatabaseName => "scope";

    /// <summary>The running subgraph.</summary>
    protected SubgraphTestHost Host => _host;

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(CreateDefinition(), await TestDatabases.CreateAsync(Provider, DatabaseName), SeedAsync, new SubgraphHostOptions { ContextKey = _key });

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A context for a test caller under <paramref name="scope"/>, allowed every label and link of the subgraph.</summary>
    protected SubgraphContext Context(string scope, string user = "nobody") => _host.Context(scope, user);

    /// <summary>Posts <paramref name="query"/> carrying <paramref name="context"/>, signed.</summary>
    protected Task<JsonElement> PostAsync(SubgraphContext context, string query, object? variables = null) =>
        _host.QueryAsync(context, _key, query, variables);

    /// <summary>Posts <paramref name="query"/> as <paramref name="user"/> under <paramref name="scope"/>, holding the relationships given.</summary>
    protected Task<JsonElement> PostAsync(string scope, string query, object? variables = null, string user = "nobody", string? team = null, string? organisation = null, string? school = null, string? setting = null) =>
        PostAsync(Context(scope, user) with { Team = team, Organisation = organisation, School = school, Setting = setting }, query, variables);

    /// <summary>The first error's code, or null when there is none.</summary>
    protected static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    /// <summary>The first error's message.</summary>
    protected static string Message(JsonElement response) => response.GetProperty("errors")[0].GetProperty("message").GetString()!;

    [Fact]
    public async Task Entities_InScope_IsReturned()
    {
        var entity = Entity;

        var response = await EntitiesAsync(entity.Caller, entity.InScope);

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(entity.InScope, Entities(response)[0].GetProperty(entity.KeyField).GetString());
    }

    [Fact]
    public async Task Entities_OutOfScope_IsNullWithOutsideScope_AndNoneOfItsData()
    {
        var entity = Entity;

        var response = await EntitiesAsync(entity.Caller, entity.OutOfScope);

        Assert.Equal(JsonValueKind.Null, Entities(response)[0].ValueKind);
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("OUTSIDE_SCOPE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["_entities", "0"], error.GetProperty("path").EnumerateArray().Select(p => p.ToString()));
        AssertNothingOf(entity, response);
    }

    [Fact]
    public async Task Entities_UnknownKey_IsAnsweredAsOutOfScope_SoExistenceIsNotRevealed()
    {
        var entity = Entity;

        var outOfScope = await EntitiesAsync(entity.Caller, entity.OutOfScope);
        var unknown = await EntitiesAsync(entity.Caller, "NO-SUCH-KEY");

        Assert.Equal(JsonValueKind.Null, Entities(unknown)[0].ValueKind);
        Assert.Equal(outOfScope.GetProperty("errors").GetRawText(), unknown.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Entities_MixedBatch_OnlyTheRecordsInScopeComeBack_InOneStatement()
    {
        var entity = Entity;
        var before = _host.Database.ConnectionsOpened;

        // The record's own fields only, so that every statement the call runs is the one that reads the batch.
        var response = await EntitiesSelectingAsync(entity.Caller, "", entity.OutOfScope, entity.InScope, "NO-SUCH-KEY", entity.InScope);

        var entities = Entities(response);
        Assert.Equal(JsonValueKind.Null, entities[0].ValueKind);
        Assert.Equal(entity.InScope, entities[1].GetProperty(entity.KeyField).GetString());
        Assert.Equal(JsonValueKind.Null, entities[2].ValueKind);
        Assert.Equal(entity.InScope, entities[3].GetProperty(entity.KeyField).GetString());
        var errors = response.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["0", "2"], errors.Select(e => e.GetProperty("path")[1].ToString()).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal("OUTSIDE_SCOPE", e.GetProperty("extensions").GetProperty("code").GetString()));
        AssertNothingOf(entity, response);
        Assert.Equal(1, _host.Database.ConnectionsOpened - before);
    }

    [Fact]
    public async Task Entities_EveryonesScope_AsBreakGlassIsSigned_ReachesTheRecord()
    {
        var entity = Entity;

        var response = await EntitiesAsync(entity.Caller with { Scope = "Everyone" }, entity.OutOfScope);

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(entity.OutOfScope, Entities(response)[0].GetProperty(entity.KeyField).GetString());
        Assert.Contains(entity.OutOfScopeValues[0], response.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_ScopeTheAgencyCannotDecide_ReachesNoRecord()
    {
        var entity = Entity;

        var response = await EntitiesAsync(entity.Caller with { Scope = entity.UndecidedScope }, entity.InScope, entity.OutOfScope);

        Assert.All(Entities(response).EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.ValueKind));
        var errors = response.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("OUTSIDE_SCOPE", e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal(errors[0].GetProperty("message").GetString(), errors[1].GetProperty("message").GetString());
        AssertNothingOf(entity, response);
    }

    /// <summary><c>_entities</c> for <paramref name="keys"/>, selecting the record's data fields and its nested data.</summary>
    private Task<JsonElement> EntitiesAsync(SubgraphContext caller, params string[] keys) => EntitiesSelectingAsync(caller, Entity.NestedFields, keys);

    private Task<JsonElement> EntitiesSelectingAsync(SubgraphContext caller, string nested, params string[] keys)
    {
        var entity = Entity;
        return PostAsync(caller, $"query($r: [_Any!]!) {{ _entities(representations: $r) {{ ... on {entity.TypeName} {{ {entity.KeyField} {entity.DataFields} {nested} }} }} }}",
            new { r = keys.Select(k => new Dictionary<string, string> { ["__typename"] = entity.TypeName, [entity.KeyField] = k }).ToArray() });
    }

    private static JsonElement Entities(JsonElement response) => response.GetProperty("data").GetProperty("_entities");

    /// <summary>No value of the withheld record, and not its key, anywhere in the answer (errors included).</summary>
    private static void AssertNothingOf(EntityScopeCase entity, JsonElement response)
    {
        var text = response.GetRawText();
        foreach (var value in entity.OutOfScopeValues.Append(entity.OutOfScope))
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
    }
}
