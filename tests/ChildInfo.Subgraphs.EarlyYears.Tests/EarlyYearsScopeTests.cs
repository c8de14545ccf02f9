using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>The agency's root lookups over a real database, with a context key: each decides record scope with the agency's own data or refuses.</summary>
public abstract class EarlyYearsScopeTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new EarlyYearsSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => EarlyYearsSeed.SeedAsync(database);

    private const string Child = "query($id: ID!) { earlyYearsChild(eyChildId: $id) { eyChildId } }";

    [Fact]
    public async Task Child_AttendingTheCallersSetting_IsReturned_ElsewhereIsOutsideScope()
    {
        var attending = await PostAsync("OwnSetting", Child, new { id = EarlyYearsSeed.Theo }, setting: "200002");
        var left = await PostAsync("OwnSetting", Child, new { id = EarlyYearsSeed.Isla }, setting: "200002");

        Assert.Equal(EarlyYearsSeed.Theo, attending.GetProperty("data").GetProperty("earlyYearsChild").GetProperty("eyChildId").GetString());
        Assert.Equal(JsonValueKind.Null, left.GetProperty("data").GetProperty("earlyYearsChild").ValueKind);
        Assert.Equal("OUTSIDE_SCOPE", Code(left));
    }

    [Fact]
    public async Task Child_UnderCaseloadScope_IsRefused_PointingToTheChildIndex()
    {
        var response = await PostAsync("OwnCaseload", Child, new { id = EarlyYearsSeed.Theo });

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.Contains("child index", Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingChildren_OnlyTheCallersSetting()
    {
        var own = await PostAsync("OwnSetting", "{ settingChildren(urn: 200002) { eyChildId } }", setting: "200002");
        var other = await PostAsync("OwnSetting", "{ settingChildren(urn: 200001) { eyChildId } }", setting: "200002");

        Assert.Equal(1, own.GetProperty("data").GetProperty("settingChildren").GetArrayLength());
        Assert.Equal(0, other.GetProperty("data").GetProperty("settingChildren").GetArrayLength());
        Assert.Equal("OUTSIDE_SCOPE", Code(other));
    }

    [Fact]
    public async Task Entities_UnderSetting_OnlyChildrenAttendingTheCallersSetting_TheRestOfTheBatchResolves()
    {
        var (keys, response) = await EntitiesAsync("OwnSetting", "EarlyYearsChild", "eyChildId", [EarlyYearsSeed.Isla, EarlyYearsSeed.Theo], setting: "200002");

        Assert.Equal([null, EarlyYearsSeed.Theo], keys);
        AssertEntityOutsideScope(response, 0, EarlyYearsSeed.Isla);
    }

    [Fact]
    public async Task Entities_UnderAScopeTheRegisterCannotDecide_ServeTheKeysOfTheSignedBody()
    {
        var (keys, _) = await EntitiesAsync("OwnCaseload", "EarlyYearsChild", "eyChildId", [EarlyYearsSeed.Isla, EarlyYearsSeed.Theo], user: "hv.visitor");

        Assert.Equal([EarlyYearsSeed.Isla, EarlyYearsSeed.Theo], keys);
    }

    [Fact]
    public async Task Everyone_ReachesAnyChild() =>
        Assert.Equal(EarlyYearsSeed.Isla, (await PostAsync("Everyone", Child, new { id = EarlyYearsSeed.Isla })).GetProperty("data").GetProperty("earlyYearsChild").GetProperty("eyChildId").GetString());
}

public sealed class EarlyYearsScopeTests_Sqlite : EarlyYearsScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EarlyYearsScopeTests_Postgres : EarlyYearsScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
