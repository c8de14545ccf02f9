using ChildInfo.Policies.Loading;

namespace ChildInfo.Policies.Tests.Loading;

/// <summary>
/// <c>links: [all]</c> follows every declared link, including one declared later by a registered subgraph's
/// classification document; it cannot be mixed with named links or used by an aggregate-only purpose.
/// </summary>
public sealed class AllLinksTests
{
    private const string Rules = """
        rules:
          - role: social_worker
            purpose: child_protection
            visible: [linkage, identifying]
            links: [all]
            scope: own_caseload
          - role: la_analyst
            purpose: service_planning
            visible: [reference]
            scope: everyone
        """;

    private const string Registered = """
        agencies: [youth-justice]
        links:
          Child.youthJustice: youth-justice
        classifications:
          Child.youthJustice: [linkage]
        """;

    [Fact]
    public void All_ExpandsToEveryDeclaredLink_IncludingARegisteredOne()
    {
        var fields = new[] { "Child.id", "Child.name", "Child.pupil", "Child.youthJustice" };
        var result = PolicyLoader.Load(
            [new("vocabulary.yaml", Vocabulary()), new("purposes.yaml", Purposes()), new("classifications.yaml", Classifications()), new("rules.yaml", Rules), new("registry/youth-justice.yaml", Registered)],
            fields);

        Assert.True(result.Succeeded, result.Describe());
        var rule = result.PolicySet!.Rules.Single(r => r.Role == "social_worker");
        Assert.Equal(["Child.pupil", "Child.youthJustice"], rule.Links);
        var scope = Compiled(result).Scope("social_worker", "child_protection")!;
        Assert.True(scope.DecideLink("Child.youthJustice").Allowed);
        Assert.True(scope.Decide("Child.youthJustice").Allowed);
    }

    [Fact]
    public void All_BesideANamedLink_IsAnError()
    {
        var result = PolicyLoaderTests.Load(rules: Rules.Replace("links: [all]", "links: [all, Child.pupil]", StringComparison.Ordinal));

        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.InvalidValue && e.Message.Contains("'all'", StringComparison.Ordinal));
    }

    [Fact]
    public void All_UnderAnAggregateOnlyPurpose_IsAnError()
    {
        var rules = Rules.Replace("visible: [reference]\n    scope: everyone", "visible: [reference]\n    links: [all]\n    scope: everyone", StringComparison.Ordinal);
        var result = PolicyLoaderTests.Load(rules: rules);

        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.AggregateOnlyLink);
    }

    private static ChildInfo.Policies.Decisions.PolicyEngine Compiled(PolicyLoadResult result) => ChildInfo.Policies.Decisions.PolicyEngine.Compile(result.PolicySet!);

    private static string Vocabulary() => PolicyLoaderTests.Vocabulary;

    private static string Purposes() => PolicyLoaderTests.Purposes;

    private static string Classifications() => PolicyLoaderTests.Classifications;
}
