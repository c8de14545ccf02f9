using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation.Preferences;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Gateway.Tests.Preferences;

/// <summary>The preference guard over the sample policies and the demo supergraph, one record at a time.</summary>
public sealed class PreferenceGuardTests
{
    private static readonly SupergraphSchema Schema = SupergraphLoader.Load(DemoSupergraph.Load());

    private static readonly PolicyEngine Engine = PolicyEngine.Compile(PolicyLoader.LoadDirectory(
        PolicyGatewayFixture.PolicyDirectory,
        ChildInfo.Gateway.Authorisation.GatewaySecurity.FieldCoordinates(Schema)).PolicySet!);

    [Fact]
    public void GuardFields_AgencyRecordsOnly()
    {
        var guard = Guard("social_worker", "child_protection");

        Assert.Equal(PreferenceGuard.Fields, guard.GuardFields("VcsParticipant"));
        Assert.Equal(PreferenceGuard.Fields, guard.GuardFields("Pupil"));
        Assert.Equal(PreferenceGuard.Fields, guard.GuardFields("EarlyYearsChild"));
        Assert.Equal(PreferenceGuard.Fields, guard.GuardFields("SocialCareChild"));
        Assert.Null(guard.GuardFields("Child"));
        Assert.Null(guard.GuardFields("KeyworkerNote"));
    }

    [Fact]
    public void Inspect_NoPreferences_KeepsTheRecord()
    {
        var verdict = Guard("school_dsl", "education_welfare").Inspect(Record("Pupil", "[]", "forename"));

        Assert.True(verdict.IsKeep);
    }

    [Fact]
    public void Inspect_PreferencesMissing_WithholdsTheWholeRecord()
    {
        var verdict = Guard("school_dsl", "education_welfare").Inspect(new GuardedRecord("Pupil", ["child", "pupil"], Json("{}"), ["forename"]));

        Assert.Equal(PreferenceGuardCodes.PreferencesUnavailable, verdict.Record?.Code);
    }

    [Fact]
    public void Inspect_CategoryAll_WithholdsTheWholeRecord()
    {
        var preferences = """[{ "code": "NOT_WITH_VOLUNTARY_SECTOR", "dataCategory": "ALL", "withheldFromPurposes": [], "withheldFromAgencies": ["voluntary-sector"], "expressedBy": "CHILD" }]""";

        var verdict = Guard("vcs_keyworker", "early_help").Inspect(Record("Pupil", preferences, "forename", "persistentlyAbsent"));

        Assert.Equal(DecisionCodes.PreferenceWithheld, verdict.Record?.Code);
        Assert.Equal("vcs_keyworker/early_help", verdict.Record?.Rule);
    }

    [Fact]
    public void Inspect_Category_WithholdsOnlyTheSelectedFieldsWithACoveredLabel()
    {
        var preferences = """[{ "code": "NOT_WITH_SOCIAL_CARE", "dataCategory": "ENGAGEMENTS", "withheldFromPurposes": [], "withheldFromAgencies": ["social-care"], "expressedBy": "PARENT" }]""";

        var verdict = Guard("social_worker", "child_in_need").Inspect(Record("VcsParticipant", preferences, "forename", "engagements", "registeredBy", "dataUsePreferences"));

        Assert.Null(verdict.Record);
        Assert.Equal(["VcsParticipant.engagements", "VcsParticipant.registeredBy"], verdict.Fields.Select(f => f.Coordinate));
        Assert.All(verdict.Fields, f => Assert.Equal("engagement", f.Label));
        Assert.Empty(verdict.Notices);
    }

    [Fact]
    public void Inspect_Overridden_ReportsOnlyWhenCoveredDataWasAskedFor()
    {
        var preferences = """[{ "code": "NOT_WITH_SOCIAL_CARE", "dataCategory": "ENGAGEMENTS", "withheldFromPurposes": [], "withheldFromAgencies": ["social-care"], "expressedBy": "PARENT" }]""";
        var guard = Guard("social_worker", "child_protection");

        var asked = guard.Inspect(Record("VcsParticipant", preferences, "forename", "engagements"));
        var notAsked = guard.Inspect(Record("VcsParticipant", preferences, "forename"));

        Assert.Empty(asked.Fields);
        var notice = Assert.Single(asked.Notices);
        Assert.Equal(PreferenceOverrideNotice.Extension, notice.Extension);
        Assert.Equal(["engagements"], notice.Entry.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.True(notAsked.IsKeep);
    }

    [Fact]
    public void Inspect_PreferenceForAnotherAgency_IsNotApplied()
    {
        var preferences = """[{ "code": "NOT_WITH_EDUCATION", "dataCategory": "NOTES", "withheldFromPurposes": [], "withheldFromAgencies": ["education"], "expressedBy": "CHILD" }]""";

        var verdict = Guard("social_worker", "child_protection").Inspect(Record("VcsParticipant", preferences, "keyworkerNotes"));

        Assert.True(verdict.IsKeep);
    }

    [Fact]
    public void For_SameFieldPolicy_BuildsOnceWithTheGuard()
    {
        var scope = Engine.Scope("social_worker", "child_protection")!;
        var inner = new AllowAllFieldsPolicy();

        var policy = PreferenceGuardedPolicy.For(inner, scope, Engine.Set, Schema);

        Assert.Same(policy, PreferenceGuardedPolicy.For(inner, scope, Engine.Set, Schema));
        Assert.NotNull(policy.RecordGuard);
    }

    private static PreferenceGuard Guard(string role, string purpose) =>
        new(Engine.Scope(role, purpose) ?? throw new InvalidOperationException($"no rule {role}/{purpose}"), Engine.Set, Schema);

    private static GuardedRecord Record(string type, string preferences, params string[] selected) =>
        new(type, ["child", "record"], Json($$"""{ "dataUsePreferences": {{preferences}} }"""), selected);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private sealed class AllowAllFieldsPolicy : IFieldAccessPolicy
    {
        public FieldAccess Decide(string typeName, string fieldName) => AllowAllFields.Instance.Decide(typeName, fieldName);
    }
}
