using ChildInfo.Federation.Composition;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Tests.Registry;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// A field its subgraph computes from other subgraphs' fields (<c>@requires</c>) is decided with them: serving it would
/// fetch the required fields for this caller and send them to that subgraph. A registered risk subgraph computing a
/// band from a pupil's ethnicity and free school meals was allowed to an early help worker, whose rule may see neither,
/// so its plan asked education for both on that caller's behalf (education's own label check refused them; a subgraph
/// without one would have sent them on); now the band is withheld for that rule before planning, with the reason.
/// </summary>
public sealed class RequiresPolicyTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>
{
    /// <summary>A registered risk subgraph computing fields of education's pupils from theirs (also used by <c>RequiresDisclosureTests</c>).</summary>
    internal const string RiskSdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
        type Pupil @key(fields: "upn") {
          upn: String!
          ethnicity: String @external
          fsmEligible: Boolean! @external
          primarySenType: String @external
          riskBand: String @requires(fields: "ethnicity fsmEligible")
          supportNote: String @requires(fields: "primarySenType")
        }
        """;

    internal const string RiskClassifications = """
        classifications:
          Pupil.riskBand: [sen]
          Pupil.supportNote: [sen]
        """;

    private (PolicyEngine Policies, SupergraphSchema Supergraph) Build()
    {
        var composed = SupergraphComposer.Compose([.. configured.Subgraphs, new SubgraphSdl("risk", "http://risk.test/graphql", RiskSdl)]);
        Assert.True(composed.IsSuccess, string.Join("; ", composed.Errors));
        var supergraph = SupergraphLoader.Load(composed.Supergraph!);
        var loaded = PolicyLoader.LoadDirectory(PolicyGatewayFixture.PolicyDirectory, GatewaySecurity.FieldCoordinates(supergraph),
            [PolicySource.ForSubgraph("registry/risk.yaml", RiskClassifications)]);
        Assert.True(loaded.Succeeded, loaded.Describe());
        return (PolicyEngine.Compile(loaded.PolicySet!), supergraph);
    }

    [Fact]
    public void FieldRequiringWhatTheRuleMayNotSee_IsWithheld_NamingTheRequiredField()
    {
        var (policies, supergraph) = Build();
        var earlyHelp = new ScopeFieldPolicy(policies.Scope("early_help_worker", "early_help")!, supergraph);
        Assert.False(earlyHelp.Decide("Pupil", "ethnicity").Allowed);

        var band = earlyHelp.Decide("Pupil", "riskBand");

        Assert.False(band.Allowed);
        Assert.Contains("Pupil.riskBand is computed by its subgraph from Pupil.ethnicity", band.Reason, StringComparison.Ordinal);
        Assert.Equal(earlyHelp.Decide("Pupil", "ethnicity").Code, band.Code);
    }

    [Fact]
    public void FieldRequiringOnlyWhatTheRuleMaySee_IsServed()
    {
        var (policies, supergraph) = Build();
        var earlyHelp = new ScopeFieldPolicy(policies.Scope("early_help_worker", "early_help")!, supergraph);
        var socialWorker = new ScopeFieldPolicy(policies.Scope("social_worker", "child_protection")!, supergraph);

        Assert.True(earlyHelp.Decide("Pupil", "supportNote").Allowed);
        Assert.True(socialWorker.Decide("Pupil", "riskBand").Allowed);
    }
}
