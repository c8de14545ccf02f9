using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>The agency's root lookups over a real database, with a context key: each decides record scope with the agency's own data or refuses.</summary>
public abstract class VoluntarySectorScopeTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new VoluntarySectorSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => VoluntarySectorSeed.WriteAsync(database);

    private const string Participant = "query($id: ID!) { vcsParticipant(participantId: $id) { participantId } }";

    [Fact]
    public async Task Participant_OfTheCallersKeyworking_IsReturned_OthersAreOutsideScope()
    {
        var own = await PostAsync("OwnCaseload", Participant, new { id = "VCS-000001" }, user: "KW1");
        var ended = await PostAsync("OwnCaseload", Participant, new { id = "VCS-000002" }, user: "KW1");

        Assert.Equal("VCS-000001", own.GetProperty("data").GetProperty("vcsParticipant").GetProperty("participantId").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("data").GetProperty("vcsParticipant").ValueKind);
        Assert.Equal("OUTSIDE_SCOPE", Code(ended));
    }

    [Fact]
    public async Task Participant_OfTheCallersOrganisation_IsReturned() =>
        Assert.Null(Code(await PostAsync("OwnCaseload", Participant, new { id = "VCS-000001" }, user: "someone", organisation: "ORG02")));

    [Fact]
    public async Task Participant_UnderSettingScope_IsRefused_PointingToTheChildIndex()
    {
        var response = await PostAsync("OwnSetting", Participant, new { id = "VCS-000001" }, setting: "200001");

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.Contains("child index", Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_ForAKeyworkerWhoseCaseloadIsHeldHere_OnlyTheirOpenEngagements()
    {
        var (keys, response) = await EntitiesAsync("OwnCaseload", "VcsParticipant", "participantId", ["VCS-000002", "VCS-000001"], user: "KW1");

        Assert.Equal([null, "VCS-000001"], keys);
        AssertEntityOutsideScope(response, 0, "VCS-000002");
    }

    [Fact]
    public async Task Entities_ForACaseloadHeldElsewhere_ServeTheKeysOfTheSignedBody()
    {
        var (keys, _) = await EntitiesAsync("OwnCaseload", "VcsParticipant", "participantId", ["VCS-000002", "VCS-000001"], user: "W001", organisation: "Northshire Children's Services");

        Assert.Equal(["VCS-000002", "VCS-000001"], keys);
    }

    [Fact]
    public async Task Everyone_ReachesAnyParticipant() =>
        Assert.Null(Code(await PostAsync("Everyone", Participant, new { id = "VCS-000002" })));
}

public sealed class VoluntarySectorScopeTests_Sqlite : VoluntarySectorScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class VoluntarySectorScopeTests_Postgres : VoluntarySectorScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
