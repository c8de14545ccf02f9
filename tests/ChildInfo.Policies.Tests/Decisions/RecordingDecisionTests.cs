using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Tests.Decisions;

/// <summary>
/// Recording on a child's behalf (the fields of the mutation root type) is decided on a rule's <c>records</c>: only
/// practitioners with a relationship to the child, never aggregate-only purposes, never under break-glass.
/// </summary>
public sealed class RecordingDecisionTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Compile(SamplePolicies.Set);

    [Theory]
    [InlineData("social_worker", "child_protection")]
    [InlineData("social_worker", "child_in_need")]
    [InlineData("team_manager", "child_in_need")]
    [InlineData("early_help_worker", "early_help")]
    public void Decide_PractitionersWithARelationship_MayRecordTheChildsWordsAndWishes(string role, string purpose)
    {
        var scope = Engine.Scope(role, purpose)!;

        Assert.True(scope.Decide("Mutation.recordChildVoice").Allowed);
        Assert.True(scope.Decide("Mutation.recordDataUseWish").Allowed);
    }

    [Fact]
    public void Decide_ATeamManagerScreeningAnyChild_MayNotRecord()
    {
        var decision = Engine.Scope("team_manager", "child_protection")!.Decide("Mutation.recordDataUseWish");

        Assert.False(decision.Allowed);
        Assert.Equal(DecisionCodes.RecordingNotAllowed, decision.Code);
        Assert.Equal("team_manager/child_protection", decision.Rule);
        Assert.Equal("preference", decision.Label);
    }

    [Fact]
    public void Decide_BreakGlass_OpensTheRecordToReadButNotToRecord()
    {
        var glass = Engine.Scope("social_worker", "child_protection", breakGlass: true)!;

        Assert.True(glass.Decide("SocialCareChild.dataUsePreferences").Allowed);
        var decision = glass.Decide("Mutation.recordDataUseWish");
        Assert.False(decision.Allowed);
        Assert.Equal(DecisionCodes.RecordingNotAllowed, decision.Code);
        Assert.Contains("break-glass", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ASchoolSafeguardingLead_WhoSeesWishes_MayRecordThem_ButNotVoiceTheySeeNot()
    {
        // Which agency's record is the agency's to decide (a school has no allocation in social care); the policy
        // decides what may be recorded.
        var scope = Engine.Scope("school_dsl", "education_welfare")!;

        Assert.True(scope.Decide("DataUsePreference.statement").Allowed);
        Assert.True(scope.Decide("Mutation.recordPupilDataUseWish").Allowed);
        Assert.Equal(DecisionCodes.RecordingNotAllowed, scope.Decide("Mutation.recordPupilVoice").Code);
    }

    [Fact]
    public void Decide_AnEarlyYearsPractitioner_MayRecordTheChildsWordsAndWishes()
    {
        var scope = Engine.Scope("early_years_practitioner", "early_help")!;

        Assert.True(scope.Decide("Mutation.recordEarlyYearsChildVoice").Allowed);
        Assert.True(scope.Decide("Mutation.recordEarlyYearsDataUseWish").Allowed);
        Assert.Equal(RecordScope.OwnSetting, scope.RecordScope);
    }

    [Fact]
    public void Decide_AnAggregateOnlyPurpose_RecordsNothing() =>
        Assert.Equal(DecisionCodes.AggregateOnly, Engine.Scope("la_analyst", "service_planning")!.Decide("Mutation.recordChildVoice").Code);

    [Fact]
    public void ReleasableLabels_MarkWhatTheScopeMayRecord_SoTheSubgraphCanTellFromTheSignedContext()
    {
        Assert.Contains("record:preference", Engine.Scope("social_worker", "child_in_need")!.ReleasableLabels);
        Assert.Contains("preference", Engine.Scope("social_worker", "child_in_need")!.ReleasableLabels);
        Assert.DoesNotContain("record:preference", Engine.Scope("social_worker", "child_protection", breakGlass: true)!.ReleasableLabels);
        Assert.DoesNotContain(Engine.Scope("team_manager", "child_protection")!.ReleasableLabels, l => l.StartsWith(PolicyScope.RecordingLabelPrefix, StringComparison.Ordinal));
        Assert.Equal(["record:preference"], Engine.Scope("school_dsl", "education_welfare")!.ReleasableLabels.Where(l => l.StartsWith(PolicyScope.RecordingLabelPrefix, StringComparison.Ordinal)));
        Assert.DoesNotContain(Engine.Scope("education_welfare_officer", "education_welfare")!.ReleasableLabels, l => l.StartsWith(PolicyScope.RecordingLabelPrefix, StringComparison.Ordinal));
    }

    private const string RecordingRules = """
        rules:
          - role: social_worker
            purpose: child_protection
            visible: [linkage]
            records: [identifying]
            links: [Child.pupil]
            scope: own_caseload
          - role: la_analyst
            purpose: service_planning
            visible: [reference]
            records: [reference]
            scope: everyone
        """;

    [Fact]
    public void Load_ARuleRecordingWhatItCannotSee_OrForEveryone_OrForCounts_IsInvalid()
    {
        var result = Loading.PolicyLoaderTests.Load(rules: RecordingRules);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.RecordsNotVisible && e.Message.Contains("'identifying'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.RecordsWithoutRelationship);
        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.AggregateOnlyRowLevel && e.Message.Contains("records", StringComparison.Ordinal));
    }
}
