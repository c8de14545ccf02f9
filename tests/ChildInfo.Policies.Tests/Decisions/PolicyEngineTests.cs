using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Tests.Decisions;

public sealed class PolicyEngineTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Compile(SamplePolicies.Set);

    [Fact]
    public void Decide_SchoolDslUnderEducationWelfare_SeesAttendanceButNotCategoryOfAbuse()
    {
        var scope = Bound("school_dsl", "education_welfare", justification: false);

        Assert.True(scope.Decide("AttendanceTerm.sessionsUnauthorisedAbsence").Allowed);
        Assert.True(scope.Decide("Pupil.exclusions").Allowed);
        Assert.True(scope.Decide("SocialCareChild.childProtectionPlanActive").Allowed);
        var category = scope.Decide("ChildProtectionPlan.latestCategoryOfAbuse");
        Assert.False(category.Allowed);
        Assert.Equal(DecisionCodes.LabelDenied, category.Code);
        Assert.Equal("protection", category.Label);
        Assert.Equal("school_dsl/education_welfare", category.Rule);
    }

    [Fact]
    public void Decide_SocialWorkerUnderChildProtection_SeesCategoryOfAbuse()
    {
        var decision = Engine.Decide("social_worker", "child_protection", true, false, "ChildProtectionPlan.latestCategoryOfAbuse");

        Assert.True(decision.Allowed);
        Assert.Equal(DecisionCodes.Allowed, decision.Code);
        Assert.Equal("social_worker/child_protection", decision.Rule);
    }

    [Fact]
    public void Decide_SocialWorkerUnderChildInNeed_DoesNotSeeSection47Detail()
    {
        var decision = Engine.Decide("social_worker", "child_in_need", true, false, "Section47Enquiry.outcomes");

        Assert.False(decision.Allowed);
        Assert.Equal("protection", decision.Label);
    }

    [Fact]
    public void Decide_EarlyHelpWorker_SeesStarAndSdqButNotCategoryOfAbuse()
    {
        var scope = Bound("early_help_worker", "early_help", justification: true);

        Assert.True(scope.Decide("StarReading.score").Allowed);
        Assert.True(scope.Decide("SdqScore.totalDifficulties").Allowed);
        Assert.True(scope.Decide("AttendanceYear.overallAbsenceRate").Allowed);
        Assert.False(scope.Decide("AttendanceTerm.codes").Allowed);
        Assert.False(scope.Decide("ChildProtectionPlan.initialCategoryOfAbuse").Allowed);
    }

    [Fact]
    public void Decide_LaAnalystUnderServicePlanning_SeesNoRowLevelField()
    {
        var scope = Bound("la_analyst", "service_planning", justification: false);

        var rowLevel = SamplePolicies.Set.Classifications
            .Where(c => c.Value.Any(l => SamplePolicies.Set.Labels[l].RowLevel))
            .Select(c => c.Key)
            .ToList();
        Assert.NotEmpty(rowLevel);
        Assert.All(rowLevel, f => Assert.Equal(DecisionCodes.AggregateOnly, scope.Decide(f).Code));
        Assert.True(scope.Decide("School.name").Allowed);
        Assert.False(scope.DecideLink("Child.pupil").Allowed);
    }

    [Fact]
    public void ReleasableLabels_AggregateOnlyPurpose_LeaveOutEveryRowLevelLabel_AndFollowNoLink()
    {
        var scope = Bound("la_analyst", "service_planning", justification: false);

        Assert.NotEmpty(scope.ReleasableLabels);
        Assert.All(scope.ReleasableLabels, l => Assert.False(SamplePolicies.Set.Labels[l].RowLevel, l));
        Assert.Empty(scope.FollowableLinks);
    }

    [Fact]
    public void ReleasableLabels_CaseworkPurpose_AreTheRulesVisibleLabels_AndLinksTheRulesLinks()
    {
        // An officer's rule records nothing, so what it releases is exactly what it sees.
        var scope = Bound("education_welfare_officer", "education_welfare", justification: false);

        Assert.Equal(scope.Rule.Visible.Order(), scope.ReleasableLabels.Order());
        Assert.Equal(["Child.pupil", "Child.socialCareChild"], scope.FollowableLinks);
    }

    [Fact]
    public void Decide_UnclassifiedField_IsDenied()
    {
        var decision = Bound("social_worker", "child_protection", justification: true).Decide("Pupil.shoeSize");

        Assert.False(decision.Allowed);
        Assert.Equal(DecisionCodes.UnclassifiedField, decision.Code);
    }

    [Theory]
    [InlineData("school_dsl", "Child.pupil", true)]
    [InlineData("school_dsl", "Child.vcsParticipant", false)]
    [InlineData("school_dsl", "Child.earlyYearsChild", false)]
    [InlineData("education_welfare_officer", "Child.socialCareChild", true)]
    public void DecideLink_EducationWelfare_FollowsOnlyTheRulesLinks(string role, string link, bool allowed)
    {
        var decision = Engine.DecideLink(role, "education_welfare", link);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? DecisionCodes.Allowed : DecisionCodes.LinkNotAllowed, decision.Code);
    }

    [Fact]
    public void Decide_LinkFieldNotAllowed_DeniesTheFieldToo()
    {
        var decision = Bound("health_visitor", "health_visiting", justification: false).Decide("Child.pupil");

        Assert.False(decision.Allowed);
        Assert.Equal(DecisionCodes.LinkNotAllowed, decision.Code);
    }

    [Fact]
    public void Bind_MissingPurpose_ListsTheRolesPurposes()
    {
        var binding = Engine.Bind("social_worker", null, true, false);

        Assert.False(binding.Allowed);
        Assert.Equal(DecisionCodes.PurposeRequired, binding.Code);
        Assert.Equal(["child_protection", "child_in_need"], binding.AllowedPurposes);
        Assert.Contains("child_protection, child_in_need", binding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_DisallowedPurpose_ListsTheRolesPurposes()
    {
        var binding = Engine.Bind("school_dsl", "child_protection", true, false);

        Assert.False(binding.Allowed);
        Assert.Equal(DecisionCodes.PurposeNotAllowed, binding.Code);
        Assert.Equal(["education_welfare"], binding.AllowedPurposes);
        Assert.Contains("education_welfare", binding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_SystemOwner_MayUseNoPurpose()
    {
        var binding = Engine.Bind("system_owner", "service_planning", true, false);

        Assert.False(binding.Allowed);
        Assert.Empty(binding.AllowedPurposes);
        Assert.Contains("none", binding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_UnknownRole_IsRefused() =>
        Assert.Equal(DecisionCodes.UnknownRole, Engine.Bind("janitor", "research", true, false).Code);

    [Fact]
    public void Bind_JustificationMissingWhereRequired_IsRefused()
    {
        var binding = Engine.Bind("social_worker", "child_protection", false, false);

        Assert.False(binding.Allowed);
        Assert.Equal(DecisionCodes.JustificationRequired, binding.Code);
    }

    [Fact]
    public void Bind_BreakGlassWhereAllowed_WidensScopeToEveryoneAndFlagsIt()
    {
        var binding = Engine.Bind("social_worker", "child_protection", true, true);

        Assert.True(binding.Allowed);
        Assert.True(binding.Scope!.BreakGlass);
        Assert.Equal(RecordScope.Everyone, binding.Scope.RecordScope);
        Assert.Equal(RecordScope.OwnCaseload, Engine.Scope("social_worker", "child_protection")!.RecordScope);
    }

    [Fact]
    public void Bind_BreakGlassWhereNotAllowed_IsRefused()
    {
        var binding = Engine.Bind("social_worker", "child_in_need", true, true);

        Assert.Equal(DecisionCodes.BreakGlassNotAllowed, binding.Code);
    }

    [Fact]
    public void CacheKey_DiffersByRolePurposeAndBreakGlass()
    {
        var keys = Engine.Scopes.Select(s => s.CacheKey).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(SamplePolicies.Set.Rules.Length + SamplePolicies.Set.Rules.Count(r => r.BreakGlass), keys.Count);
    }

    [Fact]
    public void Decide_OnScope_AllocatesNothing()
    {
        var scope = Bound("school_dsl", "education_welfare", justification: false);
        scope.Decide("Pupil.attendance");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            scope.Decide("Pupil.attendance");
        }

        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
    }

    [Fact]
    public void RecordScope_FollowsTheRule()
    {
        Assert.Equal(RecordScope.OwnSchoolRoll, Engine.Scope("school_dsl", "education_welfare")!.RecordScope);
        Assert.Equal(RecordScope.Everyone, Engine.Scope("team_manager", "child_protection")!.RecordScope);
    }

    private static PolicyScope Bound(string role, string purpose, bool justification)
    {
        var binding = Engine.Bind(role, purpose, justification, false);
        Assert.True(binding.Allowed, binding.Message);
        return binding.Scope!;
    }
}
