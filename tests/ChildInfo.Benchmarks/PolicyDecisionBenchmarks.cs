using BenchmarkDotNet.Attributes;
using ChildInfo.Federation;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Loading;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Benchmarks;

/// <summary>
/// The policy work of one request, for the "policy evaluation costs &lt; 5% of throughput" target: binding the caller's
/// role and purpose to a compiled scope (every request), and, as an upper bound, deciding every field and link of
/// the five-subgraph child query again (a cached plan does not). Sample policy set, team manager under
/// child_protection. Baseline: parsing the same query, the least any server does per request. Compare with the
/// gateway's CPU time per request in the load runs (load/*.sh).
/// </summary>
[MemoryDiagnoser]
public class PolicyDecisionBenchmarks
{
    private static readonly string[] Fields =
    [
        "Query.child", "Child.id", "Child.forename", "Child.surname", "Child.dateOfBirth", "Child.postcode",
        "Child.pupil", "Child.earlyYearsChild", "Child.socialCareChild", "Child.vcsParticipant",
        "Pupil.upn", "Pupil.forename", "Pupil.surname", "Pupil.fsmEligible", "Pupil.senProvision", "Pupil.ncYearActual", "Pupil.primarySenType",
        "EarlyYearsChild.eyChildId", "EarlyYearsChild.forename", "EarlyYearsChild.surname", "EarlyYearsChild.postcode", "EarlyYearsChild.ethnicity",
        "SocialCareChild.personId", "SocialCareChild.forename", "SocialCareChild.surname", "SocialCareChild.childProtectionPlanActive",
        "SocialCareChild.lookedAfterActive", "SocialCareChild.hasEhcPlan",
        "VcsParticipant.participantId", "VcsParticipant.forename", "VcsParticipant.surname", "VcsParticipant.knownAs", "VcsParticipant.registeredDate",
    ];

    private static readonly string[] Links = ["Child.pupil", "Child.earlyYearsChild", "Child.socialCareChild", "Child.vcsParticipant"];

    private PolicyEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var gateway = FederationEngine.Create(Fixtures.DemoSupergraph(), new Fixtures.NoTransport());
        var loaded = PolicyLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "policies", "sample"), FieldCoordinates(gateway.Supergraph));
        _engine = PolicyEngine.Compile(loaded.PolicySet ?? throw new InvalidOperationException("The sample policy set does not load: " + loaded.Describe()));
        if (BindAndDecideEveryField() != Fields.Length + Links.Length)
        {
            throw new InvalidOperationException("A team manager under child_protection should see every field of the child query.");
        }
    }

    /// <summary>What the policies must classify: every field of the object and interface types (as the gateway loads them).</summary>
    private static List<string> FieldCoordinates(SupergraphSchema supergraph) =>
    [
        .. from type in supergraph.Types.Values
           where !type.Inaccessible && !type.Name.StartsWith("__", StringComparison.Ordinal) && type.Kind is SupergraphTypeKind.Object or SupergraphTypeKind.Interface
           from field in type.Fields.Values
           where !field.Inaccessible && !field.Name.StartsWith("__", StringComparison.Ordinal)
           select type.Name + "." + field.Name,
    ];

    [Benchmark(Baseline = true, Description = "parse the child query (GraphQL-Parser)")]
    public GraphQLDocument ParseOnly() => Parser.Parse(Fixtures.ChildQuery);

    [Benchmark(Description = "bind role and purpose to a scope (every request)")]
    public PurposeBinding Bind() => _engine.Bind("team_manager", "child_protection", justificationPresent: true, breakGlass: false);

    [Benchmark(Description = "bind, then decide every field and link of the query (no plan cache)")]
    public int BindAndDecideEveryField()
    {
        var scope = _engine.Bind("team_manager", "child_protection", justificationPresent: true, breakGlass: false).Scope!;
        var allowed = 0;
        foreach (var field in Fields)
        {
            allowed += scope.Decide(field).Allowed ? 1 : 0;
        }

        foreach (var link in Links)
        {
            allowed += scope.DecideLink(link).Allowed ? 1 : 0;
        }

        return allowed;
    }
}
