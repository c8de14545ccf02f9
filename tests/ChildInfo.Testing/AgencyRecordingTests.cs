using System.Text.Json;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// What every agency that takes recordings on a child's behalf must do (the Kit's shared recording fields), over a
/// real database with a context key: record for a record the caller has a relationship with, as the caller, read back
/// at once by the agency's own reads; refuse a record outside the relationship and an unknown one alike, writing
/// nothing; refuse a context that may not record, and text longer than the agency's columns, naming the field.
/// </summary>
public abstract class AgencyRecordingTests : ScopedSubgraphTests
{
    /// <summary>The recording fields, their key argument and the root lookup that reads the record back.</summary>
    protected abstract (string Voice, string Wish, string Key, string Lookup) Fields { get; }

    /// <summary>A record the caller of <see cref="PostAsCallerAsync"/> has a relationship with, one they do not (any more), and none at all.</summary>
    protected abstract (string Related, string Unrelated, string Unknown) Records { get; }

    /// <summary>The longest words the agency's record holds.</summary>
    protected abstract int MaxWords { get; }

    /// <summary>Posts as a caller with a relationship with <see cref="Records"/>' related record, under the agency's own scope.</summary>
    protected abstract Task<JsonElement> PostAsCallerAsync(string query, object variables, Func<ChildInfo.Subgraphs.Contract.SubgraphContext, ChildInfo.Subgraphs.Contract.SubgraphContext>? adjust = null);

    private string RecordWish => $$"""
        mutation($id: ID!, $wish: DataUseWishInput!) {
          {{Fields.Wish}}({{Fields.Key}}: $id, wish: $wish) { code dataCategory withheldFromAgencies expressedBy statement recordedBy recordedOn }
        }
        """;

    private string RecordVoice => $$"""
        mutation($id: ID!, $voice: ChildVoiceInput!) {
          {{Fields.Voice}}({{Fields.Key}}: $id, voice: $voice) { words wishesAndFeelings setting method recordedBy recordedOn }
        }
        """;

    private async Task<JsonElement> ReadBackAsync() =>
        (await PostAsCallerAsync($"{{ {Fields.Lookup}({Fields.Key}: {JsonSerializer.Serialize(Records.Related)}) {{ voice {{ words recordedBy }} dataUsePreferences {{ code statement withheldFromAgencies recordedBy }} }} }}",
            new { })).GetProperty("data").GetProperty(Fields.Lookup);

    private static object Wish(string statement = "Dydw i ddim eisiau i'r gwasanaethau cymdeithasol weld hwn.") => new
    {
        code = "NOT_WITH_SOCIAL_CARE",
        dataCategory = "ALL",
        withheldFromAgencies = new[] { "social-care" },
        expressedBy = "CHILD",
        statement,
    };

    private static object Voice(string words) => new { words, wishesAndFeelings = "To keep going to the club.", setting = "Key person time", method = "Drawing" };

    [Fact]
    public async Task RecordDataUseWish_ForARecordInTheCallersRelationship_IsRecordedAsTheCaller_AndReadBackAtOnce()
    {
        var before = (await ReadBackAsync()).GetProperty("dataUsePreferences").GetArrayLength();

        var response = await PostAsCallerAsync(RecordWish, new { id = Records.Related, wish = Wish() });

        Assert.Null(Code(response));
        var recorded = response.GetProperty("data").GetProperty(Fields.Wish);
        Assert.Equal("NOT_WITH_SOCIAL_CARE", recorded.GetProperty("code").GetString());
        Assert.StartsWith("Role, ", recorded.GetProperty("recordedBy").GetString(), StringComparison.Ordinal);
        var wishes = (await ReadBackAsync()).GetProperty("dataUsePreferences").EnumerateArray().ToList();
        Assert.Equal(before + 1, wishes.Count);
        Assert.Contains(wishes, w => w.GetProperty("statement").GetString() == "Dydw i ddim eisiau i'r gwasanaethau cymdeithasol weld hwn."
            && w.GetProperty("withheldFromAgencies")[0].GetString() == "social-care");
    }

    [Fact]
    public async Task RecordChildVoice_ForARecordInTheCallersRelationship_IsRecorded_NewestFirst()
    {
        var response = await PostAsCallerAsync(RecordVoice, new { id = Records.Related, voice = Voice("Rwy'n hoffi'r clwb drama.") });

        Assert.Null(Code(response));
        Assert.Equal("Drawing", response.GetProperty("data").GetProperty(Fields.Voice).GetProperty("method").GetString());
        var voice = (await ReadBackAsync()).GetProperty("voice");
        Assert.Equal("Rwy'n hoffi'r clwb drama.", voice[0].GetProperty("words").GetString());
    }

    [Fact]
    public async Task Recording_ForARecordOutsideTheRelationship_OrUnknown_IsOutsideScope_TheSameWay_AndWritesNothing()
    {
        var before = (await ReadBackAsync()).GetProperty("dataUsePreferences").GetArrayLength();

        var unrelated = await PostAsCallerAsync(RecordWish, new { id = Records.Unrelated, wish = Wish() });
        var unknown = await PostAsCallerAsync(RecordWish, new { id = Records.Unknown, wish = Wish() });
        var overLongKey = await PostAsCallerAsync(RecordVoice, new { id = new string('9', 500), voice = Voice("Hello") });

        foreach (var response in new[] { unrelated, unknown, overLongKey })
        {
            Assert.Equal("OUTSIDE_SCOPE", Code(response));
            Assert.Equal(JsonValueKind.Null, response.GetProperty("data").EnumerateObject().Single().Value.ValueKind);
        }

        Assert.Equal(Message(unrelated), Message(unknown));
        Assert.DoesNotContain(Records.Unknown, unknown.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, (await ReadBackAsync()).GetProperty("dataUsePreferences").GetArrayLength());
    }

    [Fact]
    public async Task Recording_UnderScopeEveryone_NeedsARelationship() =>
        Assert.Equal("RECORDING_NEEDS_RELATIONSHIP", Code(await PostAsync("Everyone", RecordWish, new { id = Records.Related, wish = Wish() }, user: "W001")));

    [Fact]
    public async Task Recording_WhenTheContextMayReadButNotRecordWishes_IsRefusedBeforeAnythingRuns()
    {
        var response = await PostAsCallerAsync(RecordWish, new { id = Records.Related, wish = Wish() },
            adjust: c => c with { Labels = c.Labels.Where(l => l != "record:preference").ToHashSet() });

        Assert.Equal("CONTEXT_LABEL_NOT_ALLOWED", Code(response));
        Assert.False(response.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Recording_WordsLongerThanTheAgencysRecordHolds_IsAClearError_NamingTheField_AndWritesNothing()
    {
        var before = (await ReadBackAsync()).GetProperty("voice").GetArrayLength();

        var response = await PostAsCallerAsync(RecordVoice, new { id = Records.Related, voice = Voice(new string('a', MaxWords + 1)) });

        Assert.Equal("INVALID_RECORDING", Code(response));
        Assert.Equal("words", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains($"at most {MaxWords}", Message(response), StringComparison.Ordinal);
        Assert.Equal(before, (await ReadBackAsync()).GetProperty("voice").GetArrayLength());
    }
}
