using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Preferences;

namespace ChildInfo.Policies.Tests.Preferences;

public sealed class PreferenceEvaluationTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Compile(SamplePolicies.Set);

    private static readonly RecordedPreference NotesNotWithSchool =
        new("voluntary-sector", "NOT_WITH_EDUCATION", "NOTES", [], ["education"]);

    private static readonly RecordedPreference NoResearch =
        new("education", "NO_RESEARCH_USE", "ALL", ["research"], []);

    [Fact]
    public void Evaluate_NotWithEducation_WithholdsFromSchoolDsl()
    {
        var evaluation = Engine.Scope("school_dsl", "education_welfare")!.EvaluatePreferences([NotesNotWithSchool]);

        var decision = Assert.Single(evaluation.Decisions);
        Assert.Equal(PreferenceOutcome.Withheld, decision.Outcome);
        Assert.Equal(DecisionCodes.PreferenceWithheld, decision.Code);
        Assert.True(evaluation.IsWithheld("voluntary-sector", "notes"));
        Assert.False(evaluation.IsWithheld("voluntary-sector", "engagement"));
        Assert.False(evaluation.IsSourceWithheld("voluntary-sector"));
        Assert.False(evaluation.HasOverrides);
    }

    [Fact]
    public void Evaluate_NotWithEducation_IsOverriddenUnderChildProtectionAndFlagged()
    {
        var scope = Engine.Scope("social_worker", "child_protection")!;
        var evaluation = scope.EvaluatePreferences([new RecordedPreference("voluntary-sector", "NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS", [], ["social-care"])]);

        var decision = Assert.Single(evaluation.Overridden);
        Assert.Equal(DecisionCodes.PreferenceOverridden, decision.Code);
        Assert.True(evaluation.HasOverrides);
        Assert.False(evaluation.IsWithheld("voluntary-sector", "engagement"));
        Assert.Contains("Schedule 1 paragraph 18", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SamePreferenceUnderChildInNeed_IsWithheld()
    {
        var evaluation = Engine.Scope("social_worker", "child_in_need")!
            .EvaluatePreferences([new RecordedPreference("voluntary-sector", "NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS", [], ["social-care"])]);

        Assert.True(evaluation.IsWithheld("voluntary-sector", "engagement"));
        Assert.False(evaluation.HasOverrides);
    }

    [Fact]
    public void Evaluate_NoResearchUse_IsHonouredForResearch()
    {
        var evaluation = Engine.Scope("researcher", "research")!.EvaluatePreferences([NoResearch]);

        Assert.Equal(PreferenceOutcome.Withheld, Assert.Single(evaluation.Decisions).Outcome);
        Assert.True(evaluation.IsSourceWithheld("education"));
    }

    [Fact]
    public void Evaluate_NoResearchUse_DoesNotConcernEducationWelfare()
    {
        var evaluation = Engine.Scope("school_dsl", "education_welfare")!.EvaluatePreferences([NoResearch]);

        Assert.Equal(PreferenceOutcome.NotApplicable, Assert.Single(evaluation.Decisions).Outcome);
    }

    [Fact]
    public void Evaluate_NotWithEducationWithoutAgencyList_StillAppliesByCode()
    {
        var evaluation = Engine.Scope("education_welfare_officer", "education_welfare")!
            .EvaluatePreferences([new RecordedPreference("early-years", "NOT_WITH_EDUCATION", "HEALTH", [], [])]);

        Assert.True(evaluation.IsWithheld("early-years", "health"));
        Assert.True(evaluation.IsWithheld("early-years", "development"));
    }

    [Fact]
    public void Evaluate_UnknownCategory_WithholdsTheWholeRecord()
    {
        var evaluation = Engine.Scope("school_dsl", "education_welfare")!
            .EvaluatePreferences([new RecordedPreference("voluntary-sector", "NOT_WITH_EDUCATION", "SOMETHING_NEW", [], ["education"])]);

        Assert.True(evaluation.IsSourceWithheld("voluntary-sector"));
    }
}
