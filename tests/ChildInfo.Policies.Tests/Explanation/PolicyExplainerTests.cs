using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Explanation;

namespace ChildInfo.Policies.Tests.Explanation;

public sealed class PolicyExplainerTests
{
    private static readonly PolicyExplainer Explainer = new(PolicyEngine.Compile(SamplePolicies.Set));

    [Fact]
    public void Explain_SchoolDsl_ListsVisibleLabelsWithFieldsAndLinks()
    {
        var e = Explainer.Explain("school_dsl", "education_welfare");

        Assert.True(e.Permitted);
        Assert.Equal("own_school_roll", e.RecordScope);
        Assert.Contains(e.Visible, l => l.Label == "attendance" && l.Fields.Contains("AttendanceTerm.sessionsPossible"));
        Assert.Contains(e.Withheld, l => l.Label == "protection");
        Assert.Contains(e.Links, l => l.LinkField == "Child.pupil" && l.Allowed);
        Assert.Contains(e.Links, l => l.LinkField == "Child.vcsParticipant" && !l.Allowed);
        Assert.Contains("SI 2024/208", e.LegalBasis, StringComparison.Ordinal);
        Assert.False(e.OverridesPreferences);
    }

    [Fact]
    public void ExplainText_SocialWorkerUnderChildProtection_IsReadable()
    {
        var text = Explainer.ExplainText("social_worker", "child_protection");

        Assert.Contains("Rule: social_worker/child_protection.", text, StringComparison.Ordinal);
        Assert.Contains("Legal basis: Children Act 1989 s47", text, StringComparison.Ordinal);
        Assert.Contains("Record scope: own caseload", text, StringComparison.Ordinal);
        Assert.Contains("Break-glass: allowed, with a mandatory justification", text, StringComparison.Ordinal);
        Assert.Contains("  protection: ", text, StringComparison.Ordinal);
        Assert.Contains("Child.socialCareChild -> social-care: may be followed", text, StringComparison.Ordinal);
        Assert.Contains("may override them (DPA 2018 Schedule 1 paragraph 18)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainText_AnalystUnderServicePlanning_SaysNoRowsAreReturned()
    {
        var text = Explainer.ExplainText("la_analyst", "service_planning");

        Assert.Contains("Aggregate-only: yes", text, StringComparison.Ordinal);
        Assert.Contains("identifying: aggregate-only purpose", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_PurposeTheRoleMayNotUse_SaysWhichItMay()
    {
        var e = Explainer.Explain("school_dsl", "child_protection");

        Assert.False(e.Permitted);
        Assert.Equal(["education_welfare"], e.AllowedPurposes);
        Assert.Contains("Not permitted", PolicyExplainer.ToText(e), StringComparison.Ordinal);
    }
}
