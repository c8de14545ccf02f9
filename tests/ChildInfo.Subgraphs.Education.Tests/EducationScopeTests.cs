using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>The agency's root lookups over a real database, with a context key: each decides record scope with the agency's own data or refuses.</summary>
public abstract class EducationScopeTests : IAsyncLifetime
{
    private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private SubgraphTestHost _host = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(new EducationSubgraph(), await TestDatabases.CreateAsync(Provider, "scope"), EducationSeed.SeedAsync, new SubgraphHostOptions { ContextKey = _key });

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<JsonElement> PostAsync(string scope, string query, object? variables = null, string user = "nobody", string? team = null, string? organisation = null, string? school = null, string? setting = null) =>
        _host.QueryAsync(_host.Context(scope, user) with { Team = team, Organisation = organisation, School = school, Setting = setting }, _key, query, variables);

    private static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private static string Message(JsonElement response) => response.GetProperty("errors")[0].GetProperty("message").GetString()!;

    private const string Pupil = "query($upn: String!) { pupil(upn: $upn) { upn } }";

    [Fact]
    public async Task Pupil_OnTheCallersRoll_IsReturned_ElsewhereIsOutsideScope()
    {
        var onRoll = await PostAsync("OwnSchoolRoll", Pupil, new { upn = EducationSeed.Amara }, school: EducationSeed.Oakfield.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var left = await PostAsync("OwnSchoolRoll", Pupil, new { upn = EducationSeed.Ben }, school: EducationSeed.Oakfield.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(EducationSeed.Amara, onRoll.GetProperty("data").GetProperty("pupil").GetProperty("upn").GetString());
        Assert.Equal(JsonValueKind.Null, left.GetProperty("data").GetProperty("pupil").ValueKind);
        Assert.Equal("OUTSIDE_SCOPE", Code(left));
        Assert.DoesNotContain(EducationSeed.Ben, left.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pupil_UnderCaseloadScope_IsRefused_PointingToTheChildIndex()
    {
        var response = await PostAsync("OwnCaseload", Pupil, new { upn = EducationSeed.Amara });

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.Contains("child index", Message(response), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("pupil").ValueKind);
    }

    [Fact]
    public async Task SchoolRoll_OnlyTheCallersSchool()
    {
        var own = await PostAsync("OwnSchoolRoll", "{ schoolRoll(urn: 100001) { upn } }", school: "100001");
        var other = await PostAsync("OwnSchoolRoll", "{ schoolRoll(urn: 100002) { upn } }", school: "100001");

        Assert.Equal(2, own.GetProperty("data").GetProperty("schoolRoll").GetArrayLength());
        Assert.Equal(0, other.GetProperty("data").GetProperty("schoolRoll").GetArrayLength());
        Assert.Equal("OUTSIDE_SCOPE", Code(other));
    }

    [Fact]
    public async Task Everyone_ReachesAnyPupil()
    {
        var response = await PostAsync("Everyone", Pupil, new { upn = EducationSeed.Ben });

        Assert.Null(Code(response));
        Assert.Equal(EducationSeed.Ben, response.GetProperty("data").GetProperty("pupil").GetProperty("upn").GetString());
    }
}

public sealed class EducationScopeTests_Sqlite : EducationScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EducationScopeTests_Postgres : EducationScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
