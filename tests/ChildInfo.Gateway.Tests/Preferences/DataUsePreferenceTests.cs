using System.Text.Json;
using ChildInfo.Audit.Transparency;
using ChildInfo.Gateway.Authorisation.Preferences;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Tests.Preferences;

/// <summary>
/// Data-use preferences recorded on the agency records of the generated sample data, applied through the gateway:
/// what a preference covers never leaves the gateway for a role it concerns; a purpose with a legal override sees it,
/// and the override is in the response, in the audit record and in the data protection officer's review queue.
/// </summary>
public sealed partial class DataUsePreferenceTests(PreferenceDeployment deployment) : IClassFixture<PreferenceDeployment>
{
    private const string Notes = """
        query ($id: ID!) { child(id: $id) { id vcsParticipant { participantId forename keyworkerNotes { noteDate author text } } } }
        """;

    private const string Engagements = """
        query ($id: ID!) { child(id: $id) { id vcsParticipant { participantId forename engagements { engagementId service keyworkerName } } } }
        """;

    /// <summary>
    /// The school DSL's rule as if the school had been given the voluntary sector's notes: only the family's wish stands
    /// between the DSL and them.
    /// </summary>
    private static string DslMayReadVoluntaryNotes(string rules) => Replace(rules,
        ("visible: &education [identifying,", "visible: &education [notes, identifying,"),
        ("denied: &education_denied [protection, cin, care, notes, health]", "denied: &education_denied [protection, cin, care, health]"),
        // Scope everyone gives no relationship to record in.
        ("    records: [preference]\n    links: [Child.pupil, Child.socialCareChild]\n", "    links: [Child.pupil, Child.socialCareChild]\n"),
        ("links: [Child.pupil, Child.socialCareChild]\n    scope: own_school_roll", "links: [Child.pupil, Child.socialCareChild, Child.vcsParticipant]\n    scope: everyone"));

    /// <summary>As <see cref="DslMayReadVoluntaryNotes"/>, with a rule that honours only NO_RESEARCH_USE.</summary>
    private static string DslHonoursOnlyNoResearchUse(string rules) => Replace(DslMayReadVoluntaryNotes(rules),
        ("links: [Child.pupil, Child.socialCareChild, Child.vcsParticipant]\n    scope: everyone",
         "links: [Child.pupil, Child.socialCareChild, Child.vcsParticipant]\n    scope: everyone\n    preferences: { honour: [NO_RESEARCH_USE] }"));

    [Fact]
    public async Task SchoolDsl_NotWithEducationOnTheVoluntaryNotes_NotesNeverLeaveTheGateway()
    {
        var wish = await WishAsync("NOT_WITH_EDUCATION", "NOTES");
        var gateway = await deployment.GatewayAsync("dsl-reads-notes", DslMayReadVoluntaryNotes);
        const string marker = "preference-dsl-notes";

        var exchange = await gateway.PostAsync("school_dsl", "education_welfare", Notes, new { id = wish.ChildId }, marker);

        AssertOk(exchange);
        // keyworkerNotes is a non-null list: withheld, it takes its nullable parent with it, as a policy-withheld field does.
        var child = exchange.Body.GetProperty("data").GetProperty("child");
        Assert.Equal(wish.ChildId, child.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, child.GetProperty("vcsParticipant").ValueKind);
        var error = Assert.Single(Errors(exchange), e => Code(e) == DecisionCodes.PreferenceWithheld);
        Assert.Equal(["child", "vcsParticipant", "keyworkerNotes"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("NOT_WITH_EDUCATION", error.GetProperty("extensions").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(Withheld(exchange), w => w.Field == "VcsParticipant.keyworkerNotes" && w.Code == DecisionCodes.PreferenceWithheld && w.Count == 1);
        AssertNoneOf(wish.CoveredValues, exchange);
        Assert.DoesNotContain("dataUsePreferences", exchange.Body.GetRawText(), StringComparison.Ordinal);
        Assert.False(exchange.Body.GetProperty("extensions").TryGetProperty(PreferenceOverrideNotice.Extension, out _));

        // The preferences travelled in the record's own call, beside the notes the gateway then dropped.
        var voluntaryCall = Assert.Single(gateway.SubgraphCalls(marker), b => b.Contains("keyworkerNotes", StringComparison.Ordinal));
        Assert.Contains("dataUsePreferences{code dataCategory withheldFromPurposes withheldFromAgencies expressedBy}", voluntaryCall, StringComparison.Ordinal);

        var record = await gateway.AuditRecordAsync(marker);
        Assert.False(record.PreferenceOverridden);
        var disclosure = Assert.Single(record.Payload!.Children, c => c.ChildId == wish.ChildId);
        Assert.Contains(disclosure.Withheld, w => w.Field == "VcsParticipant.keyworkerNotes" && w.Code == DecisionCodes.PreferenceWithheld);
    }

    [Fact]
    public async Task SchoolDsl_SamplePolicies_NeverReachTheVoluntaryNotes()
    {
        var wish = await WishAsync("NOT_WITH_EDUCATION", "NOTES");
        var gateway = await deployment.GatewayAsync();

        var exchange = await gateway.PostAsync("school_dsl", "education_welfare", Notes, new { id = wish.ChildId }, "preference-dsl-sample");

        AssertOk(exchange);
        AssertNoneOf(wish.CoveredValues, exchange);
        Assert.DoesNotContain(gateway.SubgraphCalls("preference-dsl-sample"), b => b.Contains("keyworkerNotes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreferenceTheRuleDoesNotHonour_IsNotApplied()
    {
        var wish = await WishAsync("NOT_WITH_EDUCATION", "NOTES");
        var gateway = await deployment.GatewayAsync("dsl-honours-only-research", DslHonoursOnlyNoResearchUse);

        var exchange = await gateway.PostAsync("school_dsl", "education_welfare", Notes, new { id = wish.ChildId }, "preference-not-honoured");

        AssertOk(exchange);
        Assert.DoesNotContain(Errors(exchange), e => Code(e) == DecisionCodes.PreferenceWithheld);
        var text = exchange.Body.GetRawText();
        Assert.All(wish.CoveredValues, value => Assert.Contains(JsonEncoded(value), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SocialWorker_ChildProtection_SetsAsideNotWithSocialCare_RecordedInResponseAuditAndReviewQueue()
    {
        var wish = await WishAsync("NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS");
        var gateway = await deployment.GatewayAsync();
        const string marker = "case 2024/117: preference override";

        var exchange = await gateway.PostAsync("social_worker", "child_protection", Engagements, new { id = wish.ChildId }, marker);

        AssertOk(exchange);
        var text = exchange.Body.GetRawText();
        Assert.All(wish.CoveredValues, value => Assert.Contains(JsonEncoded(value), text, StringComparison.Ordinal));
        Assert.DoesNotContain(Errors(exchange), e => Code(e) == DecisionCodes.PreferenceWithheld);
        var overridden = Assert.Single(exchange.Body.GetProperty("extensions").GetProperty(PreferenceOverrideNotice.Extension).EnumerateArray());
        Assert.Equal("VcsParticipant", overridden.GetProperty("recordType").GetString());
        Assert.Equal("voluntary-sector", overridden.GetProperty("agency").GetString());
        Assert.Equal("NOT_WITH_SOCIAL_CARE", overridden.GetProperty("preference").GetString());
        Assert.Equal("ENGAGEMENTS", overridden.GetProperty("dataCategory").GetString());
        Assert.Equal(["engagements"], overridden.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("paragraph 18", overridden.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.Equal("social_worker/child_protection", overridden.GetProperty("rule").GetString());
        Assert.Equal(["child", "vcsParticipant"], overridden.GetProperty("path").EnumerateArray().Select(p => p.GetString()));

        var record = await gateway.AuditRecordAsync(marker);
        Assert.True(record.PreferenceOverridden);
        var entry = Assert.Single(record.Payload!.PreferenceOverrides);
        Assert.Equal(wish.ChildId, entry.ChildId);
        Assert.Equal("NOT_WITH_SOCIAL_CARE", entry.Preference);
        Assert.Contains("ENGAGEMENTS", entry.Reason, StringComparison.Ordinal);

        var queue = await new AuditTransparency(gateway.AuditStore, TimeProvider.System).ReviewQueueAsync();
        var item = Assert.Single(queue, i => i.Sequence == record.Sequence);
        Assert.True(item.PreferenceOverridden);
        Assert.False(item.BreakGlass);
        Assert.Equal(marker, item.Justification);
        Assert.Contains("preference \"NOT_WITH_SOCIAL_CARE\" of " + wish.ChildId + " set aside", item.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocialWorker_ChildInNeed_HonoursNotWithSocialCare()
    {
        var wish = await WishAsync("NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS");
        var gateway = await deployment.GatewayAsync();
        const string marker = "case 2024/118: child in need";

        var exchange = await gateway.PostAsync("social_worker", "child_in_need", Engagements, new { id = wish.ChildId }, marker);

        AssertOk(exchange);
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").GetProperty("child").GetProperty("vcsParticipant").ValueKind);
        var error = Assert.Single(Errors(exchange), e => Code(e) == DecisionCodes.PreferenceWithheld);
        Assert.Equal(["child", "vcsParticipant", "engagements"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        AssertNoneOf(wish.CoveredValues.Where(v => v.StartsWith(wish.LocalId, StringComparison.Ordinal)), exchange);
        Assert.False(exchange.Body.GetProperty("extensions").TryGetProperty(PreferenceOverrideNotice.Extension, out _));
        Assert.False((await gateway.AuditRecordAsync(marker)).PreferenceOverridden);
    }

    [Fact]
    public async Task SocialWorker_ChildProtection_PreferenceThatDoesNotConcernSocialCare_IsNeitherAppliedNorRecordedAsOverridden()
    {
        var wish = await WishAsync("NOT_WITH_EDUCATION", "NOTES");
        var gateway = await deployment.GatewayAsync();
        const string marker = "case 2024/119: notes";

        var exchange = await gateway.PostAsync("social_worker", "child_protection", Notes, new { id = wish.ChildId }, marker);

        AssertOk(exchange);
        var text = exchange.Body.GetRawText();
        Assert.All(wish.CoveredValues, value => Assert.Contains(JsonEncoded(value), text, StringComparison.Ordinal));
        Assert.False(exchange.Body.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty(PreferenceOverrideNotice.Extension, out _));
        Assert.False((await gateway.AuditRecordAsync(marker)).PreferenceOverridden);
    }

    [Fact]
    public async Task Researcher_AggregateOnly_NoRecordIsFetchedSoNoPreferenceIsReadOrOverridden()
    {
        var children = await deployment.ChildrenWithNoResearchUseAsync();
        Assert.NotEmpty(children);
        var gateway = await deployment.GatewayAsync();
        const string marker = "project TRE-12: research";

        var exchange = await gateway.PostAsync("researcher", "research",
            "query ($id: ID!) { child(id: $id) { id pupil { upn forename dataUsePreferences { code } } } }", new { id = children[0] }, marker);

        AssertOk(exchange);
        Assert.Contains(Errors(exchange), e => Code(e) == DecisionCodes.AggregateOnly);
        Assert.Empty(gateway.SubgraphCalls(marker));
        Assert.False(exchange.Body.GetProperty("extensions").TryGetProperty(PreferenceOverrideNotice.Extension, out _));
        Assert.False((await gateway.AuditRecordAsync(marker)).PreferenceOverridden);
    }

    private async Task<RecordedWish> WishAsync(string code, string category)
    {
        var wishes = await deployment.VoluntaryRecordsWithAsync(code, category);
        Assert.True(wishes.Count > 0, $"The generated data ({PreferenceDeployment.Children} children, seed {PreferenceDeployment.Seed}) holds no voluntary record with {code} covering {category} and data it covers.");
        return wishes[0];
    }

    private static void AssertOk(HttpExchange exchange) =>
        Assert.True(exchange.Status == 200, $"HTTP {exchange.Status}: {exchange.Body.GetRawText()}");

    private static void AssertNoneOf(IEnumerable<string> values, HttpExchange exchange)
    {
        var text = exchange.Body.GetRawText();
        foreach (var value in values)
        {
            Assert.DoesNotContain(JsonEncoded(value), text, StringComparison.Ordinal);
        }
    }

    /// <summary>A value as it stands inside a JSON string of the response.</summary>
    private static string JsonEncoded(string value) => JsonSerializer.Serialize(value)[1..^1];

    private static IEnumerable<JsonElement> Errors(HttpExchange exchange) =>
        exchange.Body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToArray() : [];

    private static string? Code(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;

    private static IEnumerable<(string Field, string? Code, int Count)> Withheld(HttpExchange exchange) =>
        exchange.Body.GetProperty("extensions").GetProperty("withheld").EnumerateArray()
            .Select(w => (w.GetProperty("field").GetString()!, w.GetProperty("code").GetString(), w.GetProperty("count").GetInt32())).ToArray();

    private static string Replace(string text, params (string From, string To)[] changes)
    {
        text = text.ReplaceLineEndings("\n");
        foreach (var (from, to) in changes)
        {
            Assert.True(text.Contains(from, StringComparison.Ordinal), $"rules.yaml no longer holds '{from}'");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }
}
