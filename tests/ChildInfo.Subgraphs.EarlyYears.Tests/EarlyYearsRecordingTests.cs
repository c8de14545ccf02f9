using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>
/// The setting records on a child's behalf for children attending it now (Theo at Acorns), never for one who has left
/// (Isla), within its narrower columns (400 characters of words).
/// </summary>
public abstract class EarlyYearsRecordingTests : AgencyRecordingTests
{
    protected override SubgraphDefinition CreateDefinition() => new EarlyYearsSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => EarlyYearsSeed.SeedAsync(database);

    protected override (string Voice, string Wish, string Key, string Lookup) Fields => ("recordEarlyYearsChildVoice", "recordEarlyYearsDataUseWish", "eyChildId", "earlyYearsChild");

    protected override (string Related, string Unrelated, string Unknown) Records => (EarlyYearsSeed.Theo, EarlyYearsSeed.Isla, "EY9999999");

    protected override int MaxWords => 400;

    protected override Task<JsonElement> PostAsCallerAsync(string query, object variables, Func<ChildInfo.Subgraphs.Contract.SubgraphContext, ChildInfo.Subgraphs.Contract.SubgraphContext>? adjust = null) =>
        PostAsync("OwnSetting", query, variables, user: "kp.acorns", setting: "200002", adjust: adjust);

    [Fact]
    public async Task Recording_ForAChildAtAnotherSetting_IsOutsideScope() =>
        Assert.Equal("OUTSIDE_SCOPE", Code(await PostAsync("OwnSetting", "mutation($id: ID!) { recordEarlyYearsChildVoice(eyChildId: $id, voice: { words: \"Hi\", setting: \"Room\" }) { words } }",
            new { id = EarlyYearsSeed.Theo }, user: "kp.sunflowers", setting: "200001")));
}

public sealed class EarlyYearsRecordingTests_Sqlite : EarlyYearsRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EarlyYearsRecordingTests_Postgres : EarlyYearsRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
