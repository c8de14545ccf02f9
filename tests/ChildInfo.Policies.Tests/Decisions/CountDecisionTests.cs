using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Policies.Tests.Decisions;

/// <summary>
/// Aggregate questions are decided on a rule's <c>counts</c> (what children may be counted by) and <c>combine</c>
/// (which agencies one question may link): only under aggregate-only purposes, and signed to subgraphs with their
/// own prefix, so that a row-level caller never reaches a cohort field and an analyst never reaches a row.
/// </summary>
public sealed class CountDecisionTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Compile(SamplePolicies.Set);

    [Fact]
    public void DecideCount_AnAnalyst_MayCountByProtectionAndAttendanceButNotOffences()
    {
        var scope = Engine.Scope("la_analyst", "service_planning")!;

        Assert.True(scope.DecideCount("protection").Allowed);
        Assert.True(scope.DecideCount("attendance_summary").Allowed);
        var offences = scope.DecideCount("criminal_offence");
        Assert.False(offences.Allowed);
        Assert.Equal(DecisionCodes.CountNotAllowed, offences.Code);
        Assert.Equal("la_analyst/service_planning", offences.Rule);
    }

    [Fact]
    public void DecideCount_ARowLevelPurpose_CountsNothing()
    {
        var scope = Engine.Scope("social_worker", "child_protection")!;

        var decision = scope.DecideCount("protection");

        Assert.False(decision.Allowed);
        Assert.Equal(DecisionCodes.NotAggregate, decision.Code);
        Assert.Empty(scope.CountingLabels);
        Assert.Equal(DecisionCodes.NotAggregate, scope.DecideCombination(["education", "social-care"]).Code);
    }

    [Fact]
    public void DecideCombination_ResearchMayLinkEducationWithEarlyYearsButNotWithSocialCare()
    {
        var scope = Engine.Scope("researcher", "research")!;

        Assert.True(scope.DecideCombination(["education", "early-years"]).Allowed);
        Assert.True(scope.DecideCombination(["social-care"]).Allowed);
        var linked = scope.DecideCombination(["education", "social-care"]);
        Assert.False(linked.Allowed);
        Assert.Equal(DecisionCodes.CombinationNotAllowed, linked.Code);
        Assert.Contains("social-care", linked.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("education", linked.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CountingLabels_AreSignedWithTheirOwnPrefix_AndNeverAmongTheReleasableLabels()
    {
        var scope = Engine.Scope("la_analyst", "service_planning")!;

        Assert.Contains("count:protection", scope.CountingLabels);
        Assert.All(scope.CountingLabels, l => Assert.StartsWith(PolicyScope.CountingLabelPrefix, l, StringComparison.Ordinal));
        Assert.DoesNotContain(scope.ReleasableLabels, l => l.StartsWith(PolicyScope.CountingLabelPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain("protection", scope.ReleasableLabels);
    }

    [Fact]
    public void Load_CountsUnderARowLevelPurpose_IsAnError()
    {
        var result = Loading.PolicyLoaderTests.Load(rules: """
            rules:
              - role: social_worker
                purpose: child_protection
                visible: [linkage, identifying]
                counts: [linkage]
                scope: own_caseload
              - role: la_analyst
                purpose: service_planning
                visible: [reference]
                scope: everyone
            """);

        var error = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.CountsNotAggregate);
        Assert.Equal("rules.yaml", error.Location.File);
        Assert.Null(result.PolicySet);
    }

    [Fact]
    public void Load_CombineWithAnUnknownAgencyOrAllBesideOthers_AreErrors()
    {
        var unknown = Loading.PolicyLoaderTests.Load(rules: AnalystRule("combine: [education, health-visiting]"));
        var mixed = Loading.PolicyLoaderTests.Load(rules: AnalystRule("combine: [all, education]"));

        Assert.Contains(unknown.Errors, e => e.Code == PolicyErrorCodes.UnknownAgency && e.Message.Contains("health-visiting", StringComparison.Ordinal));
        Assert.Contains(mixed.Errors, e => e.Code == PolicyErrorCodes.InvalidValue);
    }

    [Fact]
    public void Load_CombineAll_NamesEveryDeclaredAgency()
    {
        var result = Loading.PolicyLoaderTests.Load(rules: AnalystRule("combine: [all]\n    counts: [linkage]"));

        Assert.True(result.Succeeded, result.Describe());
        var scope = PolicyEngine.Compile(result.PolicySet!).Scope("la_analyst", "service_planning")!;
        Assert.True(scope.DecideCombination(["education", "social-care"]).Allowed);
        Assert.Equal(["count:linkage"], scope.CountingLabels);
    }

    private static string AnalystRule(string extra) => $"""
        rules:
          - role: social_worker
            purpose: child_protection
            visible: [linkage, identifying]
            links: [Child.pupil]
            scope: own_caseload
            break_glass: true
          - role: la_analyst
            purpose: service_planning
            visible: [reference]
            {extra}
            scope: everyone
        """;
}
