using ChildInfo.Audit.Records;
using ChildInfo.Audit.Transparency;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Authorisation.Preferences;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Tests.Preferences;

/// <summary>
/// A client's aliases cannot feed the preference guard: an alias in the gateway's own namespace
/// (<c>fed__dataUsePreferences: voice { words }</c>) is refused before anything is planned or fetched, and an alias
/// the gateway accepts (the guard field's own name for another field, or aliases inside the preferences) leaves the
/// guard reading the preferences it fetched itself, so the family's wish is still honoured and an override is still
/// in the response, the audit record and the data protection officer's review queue.
/// </summary>
public sealed partial class DataUsePreferenceTests
{
    private const string VoluntarySectorReadsSocialCareVoice = "vcs-reads-social-care-voice";

    private const string SocialCareVoice = """
        query ($id: ID!) { child(id: $id) { id socialCareChild { personId voice { words } } } }
        """;

    /// <summary>
    /// The voluntary-sector keyworker's rule as if it linked to the social-care record for every child: only the
    /// child's wish (NOT_WITH_VOLUNTARY_SECTOR over their voice) stands between the keyworker and the child's words.
    /// (A rule for every child records nothing on a child's behalf, so its 'records' goes.)
    /// </summary>
    private static string KeyworkerMayReadSocialCare(string rules) => Replace(rules,
        ("links: [Child.vcsParticipant, Child.pupil]\n    records: *records\n    scope: own_caseload", "links: [Child.vcsParticipant, Child.pupil, Child.socialCareChild]\n    scope: everyone"));

    [Fact]
    public async Task VcsKeyworker_ReservedAliasFeedsTheGuardItsOwnList_RefusedAndNothingFetched()
    {
        var wish = await SocialCareVoiceWishAsync();
        var gateway = await deployment.GatewayAsync(VoluntarySectorReadsSocialCareVoice, KeyworkerMayReadSocialCare);
        const string marker = "preference-alias-vcs-refused";

        var exchange = await gateway.PostAsync("vcs_keyworker", "early_help",
            "query ($id: ID!) { child(id: $id) { id socialCareChild { personId fed__dataUsePreferences: voice { words } voice { words } } } }",
            new { id = wish.ChildId }, marker);

        AssertReservedNameRefusal(exchange, "fed__dataUsePreferences");
        AssertNoneOf(wish.CoveredValues, exchange);
        Assert.Empty(gateway.SubgraphCalls(marker));
        Assert.NotEqual(AuditOutcome.Ok, (await gateway.AuditRecordAsync(marker)).Outcome);
    }

    public static TheoryData<string> KeyworkerQueries() => new(
        SocialCareVoice,
        "query ($id: ID!) { child(id: $id) { id socialCareChild { personId dataUsePreferences: voice { words } voice { words } } } }",
        "query ($id: ID!) { child(id: $id) { id socialCareChild { personId voice { words } dataUsePreferences { code: statement dataCategory: statement withheldFromAgencies: withheldFromPurposes } } } }",
        "query ($id: ID!) { child(id: $id) { id socialCareChild { personId voice { words } dataUsePreferences { code: dataCategory dataCategory: code } } } }");

    [Theory]
    [MemberData(nameof(KeyworkerQueries))]
    public async Task VcsKeyworker_AliasesTheGatewayAccepts_TheChildsWishIsStillHonoured(string query)
    {
        var wish = await SocialCareVoiceWishAsync();
        var gateway = await deployment.GatewayAsync(VoluntarySectorReadsSocialCareVoice, KeyworkerMayReadSocialCare);
        var marker = "preference-alias-vcs-" + Math.Abs(query.GetHashCode(StringComparison.Ordinal));

        var exchange = await gateway.PostAsync("vcs_keyworker", "early_help", query, new { id = wish.ChildId }, marker);

        AssertOk(exchange);
        Assert.Contains(Errors(exchange), e => Code(e) == DecisionCodes.PreferenceWithheld
            && e.GetProperty("extensions").GetProperty("reason").GetString()!.Contains("NOT_WITH_VOLUNTARY_SECTOR", StringComparison.Ordinal));
        Assert.Contains(Withheld(exchange), w => w.Field == "SocialCareChild.voice" && w.Code == DecisionCodes.PreferenceWithheld);
        AssertNoneOf(wish.CoveredValues, exchange);
        var record = await gateway.AuditRecordAsync(marker);
        var disclosure = Assert.Single(record.Payload!.Children, c => c.ChildId == wish.ChildId);
        Assert.Contains(disclosure.Withheld, w => w.Field == "SocialCareChild.voice" && w.Code == DecisionCodes.PreferenceWithheld);
    }

    [Fact]
    public async Task SocialWorker_ChildProtection_ReservedAliasHidesTheOverride_RefusedAndNothingFetched()
    {
        var wish = await WishAsync("NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS");
        var gateway = await deployment.GatewayAsync();
        const string marker = "case 2024/120: alias refused";

        var exchange = await gateway.PostAsync("social_worker", "child_protection",
            "query ($id: ID!) { child(id: $id) { id vcsParticipant { participantId fed__dataUsePreferences: voice { words } engagements { engagementId service keyworkerName } } } }",
            new { id = wish.ChildId }, marker);

        AssertReservedNameRefusal(exchange, "fed__dataUsePreferences");
        AssertNoneOf(wish.CoveredValues, exchange);
        Assert.Empty(gateway.SubgraphCalls(marker));
        Assert.False((await gateway.AuditRecordAsync(marker)).PreferenceOverridden);
    }

    public static TheoryData<string> ChildProtectionQueries() => new(
        "query ($id: ID!) { child(id: $id) { id vcsParticipant { participantId dataUsePreferences: voice { words } engagements { engagementId service keyworkerName } } } }",
        "query ($id: ID!) { child(id: $id) { id vcsParticipant { participantId engagements { engagementId service keyworkerName } dataUsePreferences { code: statement dataCategory: statement withheldFromAgencies: withheldFromPurposes } } } }");

    [Theory]
    [MemberData(nameof(ChildProtectionQueries))]
    public async Task SocialWorker_ChildProtection_AliasesTheGatewayAccepts_OverrideStillInResponseAuditAndReviewQueue(string query)
    {
        var wish = await WishAsync("NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS");
        var gateway = await deployment.GatewayAsync();
        var marker = "case 2024/121: alias " + Math.Abs(query.GetHashCode(StringComparison.Ordinal));

        var exchange = await gateway.PostAsync("social_worker", "child_protection", query, new { id = wish.ChildId }, marker);

        AssertOk(exchange);
        var text = exchange.Body.GetRawText();
        Assert.All(wish.CoveredValues, value => Assert.Contains(JsonEncoded(value), text, StringComparison.Ordinal));
        var overridden = Assert.Single(exchange.Body.GetProperty("extensions").GetProperty(PreferenceOverrideNotice.Extension).EnumerateArray());
        Assert.Equal("NOT_WITH_SOCIAL_CARE", overridden.GetProperty("preference").GetString());
        Assert.Equal(["engagements"], overridden.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        var record = await gateway.AuditRecordAsync(marker);
        Assert.True(record.PreferenceOverridden);
        Assert.Equal("NOT_WITH_SOCIAL_CARE", Assert.Single(record.Payload!.PreferenceOverrides).Preference);
        var queue = await new AuditTransparency(gateway.AuditStore, TimeProvider.System).ReviewQueueAsync();
        Assert.True(Assert.Single(queue, i => i.Sequence == record.Sequence).PreferenceOverridden);
    }

    public static TheoryData<string, string> ReservedNameQueries() => new()
    {
        { "query ($id: ID!) { child(id: $id) { ...Record } } fragment Record on Child { vcsParticipant { participantId fed__dataUsePreferences: voice { words } } }", "fed__dataUsePreferences" },
        { "query ($id: ID!) { child(id: $id) { ... on Child { vcsParticipant { ... on VcsParticipant { fed__dataUsePreferences: voice { words } } } } } }", "fed__dataUsePreferences" },
        { "query ($id: ID!, $show: Boolean!) { child(id: $id) { vcsParticipant { participantId fed__dataUsePreferences: voice @include(if: $show) { words } } } }", "fed__dataUsePreferences" },
        { "query ($id: ID!) { child(id: $id) { vcsParticipant { participantId voice { fed__words: words } } } }", "fed__words" },
        { "query ($id: ID!) { child(id: $id) { fed__id: surname vcsParticipant { participantId } } }", "fed__id" },
        { "query ($id: ID!) { child(id: $id) { vcsParticipant { fed__participantId: forename engagements { engagementId } } } }", "fed__participantId" },
        { "query ($id: ID!) { child(id: $id) { vcsParticipant { participantId fed__typename: forename } } }", "fed__typename" },
        { "query ($id: ID!) { child(id: $id) { vcsParticipant { __typename: forename engagements { engagementId } } } }", "__typename" },
        { "query ($id: ID!, $fed__show: Boolean) { child(id: $id) { id } }", "$fed__show" },
    };

    [Theory]
    [MemberData(nameof(ReservedNameQueries))]
    public async Task ReservedNames_InFragmentsVariablesAndNestedPositions_RefusedBeforeAnythingIsFetched(string query, string name)
    {
        var wish = await WishAsync("NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS");
        var gateway = await deployment.GatewayAsync();
        var marker = "case 2024/122: reserved " + name;

        var exchange = await gateway.PostAsync("social_worker", "child_protection", query, new { id = wish.ChildId, show = true }, marker);

        AssertReservedNameRefusal(exchange, name);
        Assert.Empty(gateway.SubgraphCalls(marker));
    }

    private async Task<RecordedWish> SocialCareVoiceWishAsync()
    {
        var wishes = await deployment.SocialCareVoiceWithAsync("NOT_WITH_VOLUNTARY_SECTOR");
        Assert.True(wishes.Count > 0, $"The generated data ({PreferenceDeployment.Children} children, seed {PreferenceDeployment.Seed}) holds no social-care record with NOT_WITH_VOLUNTARY_SECTOR over the child's voice.");
        return wishes[0];
    }

    private static void AssertReservedNameRefusal(HttpExchange exchange, string name)
    {
        Assert.True(exchange.Status == 400, $"HTTP {exchange.Status}: {exchange.Body.GetRawText()}");
        Assert.False(exchange.Body.TryGetProperty("data", out _));
        var errors = Errors(exchange).ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.ReservedName, Code(e)));
        Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains("'" + name + "'", StringComparison.Ordinal));
    }
}
