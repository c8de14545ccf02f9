using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>
/// Recording the child's words and the family's data-use wishes into social care's record, over a real database with
/// a context key: allowed only with a relationship to the child in social care's own allocations, read back at once,
/// and every bad call refused with a clear error and nothing written.
/// </summary>
public abstract class SocialCareRecordingTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new SocialCareSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => SocialCareSeed.WriteAsync(database);

    private const string RecordWish = """
        mutation($id: ID!, $wish: DataUseWishInput!) {
          recordDataUseWish(personId: $id, wish: $wish) { code dataCategory withheldFromPurposes withheldFromAgencies expressedBy statement recordedBy recordedOn }
        }
        """;

    private const string RecordVoice = """
        mutation($id: ID!, $voice: ChildVoiceInput!) {
          recordChildVoice(personId: $id, voice: $voice) { words wishesAndFeelings setting method recordedBy recordedOn }
        }
        """;

    private const string ReadBack = """
        query($id: ID!) { socialCareChild(personId: $id) { voice { words recordedBy } dataUsePreferences { code statement withheldFromAgencies recordedBy } } }
        """;

    private static object Wish(string statement = "Zoë doesn't want school to see her social care file.", string code = "NOT_WITH_EDUCATION") => new
    {
        code,
        dataCategory = "ALL",
        withheldFromAgencies = new[] { "education" },
        expressedBy = "CHILD",
        statement,
    };

    private static object Voice(string words) => new { words, wishesAndFeelings = "Aros gyda Mam-gu.", setting = "Home visit", method = "Direct conversation" };

    private async Task<JsonElement> ReadBackAsync(string id = "LA000001") =>
        (await PostAsync("OwnCaseload", ReadBack, new { id }, user: "W001")).GetProperty("data").GetProperty("socialCareChild");

    private static string Field(JsonElement error) => error.GetProperty("extensions").GetProperty("field").GetString()!;

    [Fact]
    public async Task RecordDataUseWish_ForAChildAllocatedToTheCaller_IsRecordedAsTheCaller_AndReadBackAtOnce()
    {
        var response = await PostAsync("OwnCaseload", RecordWish, new { id = "LA000001", wish = Wish() }, user: "W001");

        Assert.Null(Code(response));
        var recorded = response.GetProperty("data").GetProperty("recordDataUseWish");
        Assert.Equal("NOT_WITH_EDUCATION", recorded.GetProperty("code").GetString());
        Assert.Equal(["education"], recorded.GetProperty("withheldFromAgencies").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Role, W001", recorded.GetProperty("recordedBy").GetString());
        var wishes = (await ReadBackAsync()).GetProperty("dataUsePreferences").EnumerateArray().ToList();
        Assert.Equal(2, wishes.Count);
        Assert.Contains(wishes, w => w.GetProperty("statement").GetString() == "Zoë doesn't want school to see her social care file."
            && w.GetProperty("withheldFromAgencies")[0].GetString() == "education");
    }

    [Fact]
    public async Task RecordChildVoice_ForAChildOfTheTeamTheCallerActsFor_IsRecorded_NewestFirst()
    {
        var response = await PostAsync("OwnCaseload", RecordVoice, new { id = "LA000002", voice = Voice("Dw i eisiau aros yn yr ysgol.") }, user: "manager", team: "T-SAFE");

        Assert.Null(Code(response));
        Assert.Equal("Aros gyda Mam-gu.", response.GetProperty("data").GetProperty("recordChildVoice").GetProperty("wishesAndFeelings").GetString());
        var voice = (await ReadBackAsync("LA000002")).GetProperty("voice");
        Assert.Equal("Dw i eisiau aros yn yr ysgol.", voice[0].GetProperty("words").GetString());
        Assert.Equal("Role, manager", voice[0].GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task Recording_ForAChildAllocatedToSomeoneElse_OrUnknown_IsOutsideScope_TheSameWay_AndWritesNothing()
    {
        var other = await PostAsync("OwnCaseload", RecordWish, new { id = "LA000001", wish = Wish() }, user: "W002");
        var unknown = await PostAsync("OwnCaseload", RecordWish, new { id = "LA999999", wish = Wish() }, user: "W001");
        var ended = await PostAsync("OwnCaseload", RecordVoice, new { id = "LA000002", voice = Voice("Hello") }, user: "W002");

        foreach (var response in new[] { other, unknown, ended })
        {
            Assert.Equal("OUTSIDE_SCOPE", Code(response));
            Assert.Equal(JsonValueKind.Null, response.GetProperty("data").EnumerateObject().Single().Value.ValueKind);
        }

        // An unknown child and another worker's child read alike: nothing says which exists.
        Assert.Equal(Message(other), Message(unknown));
        Assert.DoesNotContain("LA999999", unknown.GetRawText(), StringComparison.Ordinal);
        Assert.Single((await ReadBackAsync()).GetProperty("dataUsePreferences").EnumerateArray());
    }

    [Fact]
    public async Task Recording_UnderScopeEveryone_NeedsARelationship()
    {
        var response = await PostAsync("Everyone", RecordWish, new { id = "LA000001", wish = Wish() }, user: "W001");

        Assert.Equal("RECORDING_NEEDS_RELATIONSHIP", Code(response));
        Assert.Single((await ReadBackAsync()).GetProperty("dataUsePreferences").EnumerateArray());
    }

    [Fact]
    public async Task Recording_UnderASchoolRoll_IsOutsideScope() =>
        Assert.Equal("OUTSIDE_SCOPE", Code(await PostAsync("OwnSchoolRoll", RecordWish, new { id = "LA000001", wish = Wish() }, school: "100001")));

    [Fact]
    public async Task Recording_WithAContextNamingNoPurpose_IsRefusedBeforeAnythingRuns()
    {
        var response = await PostAsync("OwnCaseload", RecordWish, new { id = "LA000001", wish = Wish() }, user: "W001", adjust: c => c with { Purpose = "" });

        Assert.Equal("UNAUTHENTICATED", Code(response));
        Assert.Single((await ReadBackAsync()).GetProperty("dataUsePreferences").EnumerateArray());
    }

    [Theory]
    [InlineData("record:preference")]
    [InlineData("preference")]
    public async Task Recording_AWish_WhenTheContextDoesNotAllowRecordingOrReadingWishes_IsRefusedBeforeAnythingRuns(string withoutLabel)
    {
        // A rule that sees wishes but may not record them signs 'preference' without 'record:preference'.
        var response = await PostAsync("OwnCaseload", RecordWish, new { id = "LA000001", wish = Wish() }, user: "W001",
            adjust: c => c with { Labels = c.Labels.Where(l => l != withoutLabel).ToHashSet() });

        Assert.Equal("CONTEXT_LABEL_NOT_ALLOWED", Code(response));
        Assert.False(response.TryGetProperty("data", out _));
        Assert.Single((await ReadBackAsync()).GetProperty("dataUsePreferences").EnumerateArray());
    }

    [Fact]
    public async Task Recording_OverLongWords_IsAClearError_NamingTheField_AndWritesNothing()
    {
        var response = await PostAsync("OwnCaseload", RecordVoice, new { id = "LA000001", voice = Voice(new string('a', 1001)) }, user: "W001");

        var error = response.GetProperty("errors")[0];
        Assert.Equal("INVALID_RECORDING", Code(response));
        Assert.Equal("words", Field(error));
        Assert.Contains("at most 1000", Message(response), StringComparison.Ordinal);
        Assert.Equal(2, (await ReadBackAsync()).GetProperty("voice").GetArrayLength());
    }

    [Theory]
    [InlineData("code", "SHARE_EVERYTHING")]
    [InlineData("statement", "   ")]
    [InlineData("statement", "line one\u0000line two")]
    public async Task Recording_ABadWish_IsAClearError_NamingTheField(string field, string value)
    {
        var wish = field == "code" ? Wish(code: value) : Wish(statement: value);

        var response = await PostAsync("OwnCaseload", RecordWish, new { id = "LA000001", wish }, user: "W001");

        Assert.Equal("INVALID_RECORDING", Code(response));
        Assert.Equal(field, Field(response.GetProperty("errors")[0]));
        Assert.Single((await ReadBackAsync()).GetProperty("dataUsePreferences").EnumerateArray());
    }

    [Fact]
    public async Task Recording_WithTooManyAgencies_IsAClearError()
    {
        var wish = new { code = "NOT_WITH_EDUCATION", dataCategory = "ALL", withheldFromAgencies = Enumerable.Range(0, 11).Select(i => $"agency-{i}").ToArray(), expressedBy = "PARENT", statement = "No." };

        var response = await PostAsync("OwnCaseload", RecordWish, new { id = "LA000001", wish }, user: "W001");

        Assert.Equal("withheldFromAgencies", Field(response.GetProperty("errors")[0]));
    }
}

public sealed class SocialCareRecordingTests_Sqlite : SocialCareRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SocialCareRecordingTests_Postgres : SocialCareRecordingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
