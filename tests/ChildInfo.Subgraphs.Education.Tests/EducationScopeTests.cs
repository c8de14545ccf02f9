using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>The agency's root lookups over a real database, with a context key: each decides record scope with the agency's own data or refuses.</summary>
public abstract class EducationScopeTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new EducationSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => EducationSeed.SeedAsync(database);

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
    public async Task Entities_UnderSchoolRoll_OnlyPupilsOnTheCallersRoll_TheRestOfTheBatchResolves()
    {
        var (keys, response) = await EntitiesAsync("OwnSchoolRoll", "Pupil", "upn", [EducationSeed.Amara, EducationSeed.Ben],
            school: EducationSeed.Oakfield.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([EducationSeed.Amara, null], keys);
        AssertEntityOutsideScope(response, 1, EducationSeed.Ben);
    }

    [Fact]
    public async Task Entities_UnderAScopeTheRollCannotDecide_ServeTheKeysOfTheSignedBody()
    {
        var (keys, response) = await EntitiesAsync("OwnCaseload", "Pupil", "upn", [EducationSeed.Amara, EducationSeed.Ben], user: "W001");

        Assert.Equal([EducationSeed.Amara, EducationSeed.Ben], keys);
        Assert.False(response.TryGetProperty("errors", out _));
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
