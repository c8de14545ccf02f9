using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Policies.Tests.Decisions;

/// <summary>
/// Building the child index is decided on a rule's <c>identify</c> (which agencies' identities the linkage job may
/// read), only under a linkage-only purpose, and signed to subgraphs with its own prefix, so that neither a
/// practitioner nor an analyst ever reaches an agency's identities for linkage, and the linkage job reaches nothing else.
/// </summary>
public sealed class IdentifyDecisionTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Compile(SamplePolicies.Set);

    [Fact]
    public void SamplePurpose_RecordLinkage_IsLinkageOnlyWithALegalBasis()
    {
        var purpose = SamplePolicies.Set.Purposes["record_linkage"];

        Assert.True(purpose.LinkageOnly);
        Assert.False(purpose.AggregateOnly);
        Assert.Contains("Children Act 2004", purpose.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideIdentify_TheLinkageOfficer_MayReadTheFiveAgenciesIdentities()
    {
        var scope = Engine.Scope("linkage_officer", "record_linkage")!;

        foreach (var agency in new[] { "education", "early-years", "social-care", "voluntary-sector", "youth-justice" })
        {
            Assert.True(scope.DecideIdentify(agency).Allowed, agency);
        }

        var health = scope.DecideIdentify("health");
        Assert.False(health.Allowed);
        Assert.Equal(DecisionCodes.IdentifyNotAllowed, health.Code);
        Assert.Equal("linkage_officer/record_linkage", health.Rule);
        Assert.Equal(["identify:early-years", "identify:education", "identify:social-care", "identify:voluntary-sector", "identify:youth-justice"], scope.IdentifyingLabels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LinkageOfficer_SeesNoRowLevelLabel_FollowsNoLink_CountsNothing()
    {
        var scope = Engine.Scope("linkage_officer", "record_linkage")!;

        Assert.Empty(scope.FollowableLinks);
        Assert.Empty(scope.CountingLabels);
        Assert.All(scope.ReleasableLabels, l => Assert.False(SamplePolicies.Set.Labels[l].RowLevel, l));
        Assert.False(scope.Decide("Pupil.forename").Allowed);
        Assert.DoesNotContain(scope.ReleasableLabels, l => l.StartsWith(PolicyScope.IdentifyingLabelPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("social_worker", "child_protection")]
    [InlineData("la_analyst", "service_planning")]
    [InlineData("researcher", "research")]
    public void DecideIdentify_AnyOtherPurpose_NotLinkageAndNoIdentifyingLabel(string role, string purpose)
    {
        var scope = Engine.Scope(role, purpose)!;

        var decision = scope.DecideIdentify("education");

        Assert.False(decision.Allowed);
        Assert.Equal(DecisionCodes.NotLinkage, decision.Code);
        Assert.Empty(scope.IdentifyingLabels);
    }

    [Fact]
    public void Load_IdentifyUnderAPurposeThatIsNotLinkageOnly_IsAnError()
    {
        var result = Loading.PolicyLoaderTests.Load(rules: Rules("identify: [education]", linkageRule: false));

        var error = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.IdentifyNotLinkage);
        Assert.Equal("rules.yaml", error.Location.File);
        Assert.Null(result.PolicySet);
    }

    [Theory]
    [InlineData("visible: [identifying]")]
    [InlineData("visible: [reference]\n    links: [Child.pupil]")]
    public void Load_ALinkageRuleThatWouldShowOrFollowARecord_IsAnError(string extra)
    {
        var result = Loading.PolicyLoaderTests.Load(purposes: Purposes, rules: Rules(extra));

        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.LinkageOnlyAccess);
        Assert.Null(result.PolicySet);
    }

    [Fact]
    public void Load_IdentifyAnUnknownAgencyOrAllBesideOthers_AreErrors()
    {
        var unknown = Loading.PolicyLoaderTests.Load(purposes: Purposes, rules: Rules("visible: [reference]\n    identify: [education, health-visiting]"));
        var mixed = Loading.PolicyLoaderTests.Load(purposes: Purposes, rules: Rules("visible: [reference]\n    identify: [all, education]"));

        Assert.Contains(unknown.Errors, e => e.Code == PolicyErrorCodes.UnknownAgency && e.Message.Contains("health-visiting", StringComparison.Ordinal));
        Assert.Contains(mixed.Errors, e => e.Code == PolicyErrorCodes.InvalidValue);
    }

    [Fact]
    public void Load_IdentifyAll_NamesEveryDeclaredAgency()
    {
        var result = Loading.PolicyLoaderTests.Load(purposes: Purposes, rules: Rules("visible: [reference]\n    identify: [all]"));

        Assert.True(result.Succeeded, result.Describe());
        var scope = PolicyEngine.Compile(result.PolicySet!).Scope("linkage_officer", "record_linkage")!;
        Assert.Equal(["identify:education", "identify:social-care"], scope.IdentifyingLabels);
    }

    [Fact]
    public void Load_APurposeBothAggregateAndLinkageOnly_IsAnError()
    {
        var result = Loading.PolicyLoaderTests.Load(purposes: Loading.PolicyLoaderTests.Purposes.Replace("aggregate_only: true", "aggregate_only: true\n    linkage_only: true", StringComparison.Ordinal));

        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.InvalidValue && e.Message.Contains("linkage_only", StringComparison.Ordinal));
    }

    private const string Purposes = """
        purposes:
          child_protection:
            legal_basis: CA1989 s47
            justification_required: true
          service_planning:
            legal_basis: CA2004 s10
            aggregate_only: true
          record_linkage:
            legal_basis: CA2004 s10, s11
            linkage_only: true
        roles:
          social_worker:
            agency: social-care
            purposes: [child_protection]
          la_analyst:
            agency: social-care
            purposes: [service_planning]
          linkage_officer:
            agency: social-care
            purposes: [record_linkage]
        """;

    private static string Rules(string extra, bool linkageRule = true) => $"""
        rules:
          - role: social_worker
            purpose: child_protection
            visible: [linkage, identifying]
            links: [Child.pupil]
            scope: own_caseload
            break_glass: true
            {(linkageRule ? "" : extra)}
          - role: la_analyst
            purpose: service_planning
            visible: [reference]
            scope: everyone
        """ + (linkageRule ? $"""

          - role: linkage_officer
            purpose: record_linkage
            {extra}
            scope: everyone
        """ : "");
}
