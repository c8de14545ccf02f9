using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>
/// A keyworker records on a young person's behalf for participants with an open engagement they or their
/// organisation hold (VCS-000001 with KW1), never for one whose engagement has ended (VCS-000002).
/// </summary>
public abstract class VoluntarySectorRecordingTests : AgencyRecordingTests
{
    protected override SubgraphDefinition CreateDefinition() => new VoluntarySectorSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => VoluntarySectorSeed.WriteAsync(database);

    protected override (string Voice, string Wish, string Key, string Lookup) Fields => ("recordParticipantVoice", "recordParticipantDataUseWish", "participantId", "vcsParticipant");

    protected override (string Related, string Unrelated, string Unknown) Records => ("VCS-000001", "VCS-000002", "VCS-999999");

    protected override int MaxWords => 1000;

    protected override Task<JsonElement> PostAsCallerAsync(string query, object variables, Func<ChildInfo.Subgraphs.Contract.SubgraphContext, ChildInfo.Subgraphs.Contract.SubgraphContext>? adjust = null) =>
        PostAsync("OwnCaseload", query, variables, user: "KW1", adjust: adjust);

    [Fact]
    public async Task Recording_ByAnotherOrganisationsKeyworker_ForItsOwnEngagement_IsRecorded() =>
        Assert.Null(Code(await PostAsync("OwnCaseload", "mutation($id: ID!) { recordParticipantVoice(participantId: $id, voice: { words: \"Hi\", setting: \"Young carers group\" }) { words } }",
            new { id = "VCS-000001" }, user: "someone", organisation: "ORG02")));
}

public sealed class VoluntarySectorRecordingTests_Sqlite : VoluntarySectorRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class VoluntarySectorRecordingTests_Postgres : VoluntarySectorRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
