using System.Globalization;
using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>
/// The school records on a pupil's behalf for pupils on its roll now (Amara at Oakfield), never for one who has left
/// (Ben, now at Riverside), within its narrower columns (400 characters of words).
/// </summary>
public abstract class EducationRecordingTests : AgencyRecordingTests
{
    protected override SubgraphDefinition CreateDefinition() => new EducationSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => EducationSeed.SeedAsync(database);

    protected override (string Voice, string Wish, string Key, string Lookup) Fields => ("recordPupilVoice", "recordPupilDataUseWish", "upn", "pupil");

    protected override (string Related, string Unrelated, string Unknown) Records => (EducationSeed.Amara, EducationSeed.Ben, "Z999999999999");

    protected override int MaxWords => 400;

    protected override Task<JsonElement> PostAsCallerAsync(string query, object variables, Func<ChildInfo.Subgraphs.Contract.SubgraphContext, ChildInfo.Subgraphs.Contract.SubgraphContext>? adjust = null) =>
        PostAsync("OwnSchoolRoll", query, variables, user: "dsl.oakfield", school: EducationSeed.Oakfield.ToString(CultureInfo.InvariantCulture), adjust: adjust);

    [Fact]
    public async Task Recording_UnderACaseloadScope_IsOutsideScope_TheRollIsTheSchoolsRelationship() =>
        Assert.Equal("OUTSIDE_SCOPE", Code(await PostAsync("OwnCaseload", "mutation($id: ID!) { recordPupilVoice(upn: $id, voice: { words: \"Hi\", setting: \"Class\" }) { words } }",
            new { id = EducationSeed.Amara }, user: "W001")));
}

public sealed class EducationRecordingTests_Sqlite : EducationRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EducationRecordingTests_Postgres : EducationRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
