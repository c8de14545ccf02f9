using ChildInfo.Federation.Composition;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Gateway.Tests.Authorisation;

/// <summary>
/// Which supergraphs let a subgraph other than the scope authority hand the gateway keys to another subgraph's records,
/// or take the authority's fields, each case composed from small subgraphs: the index (<c>index</c>), an agency that
/// serves its records by key (<c>school</c>) and a third subgraph (<c>other</c>).
/// </summary>
public sealed class ScopeAuthorityCheckTests
{
    private const string Link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@override", "@external", "@provides", "@requires"])""";

    private const string Index = Link + """

        type Query { child(id: ID!): Child }
        type Child @key(fields: "id") { id: ID! name: String pupil: Pupil }
        type Pupil @key(fields: "upn", resolvable: false) { upn: String! }
        """;

    private const string School = Link + """

        type Query { school(urn: Int!): School }
        type School { urn: Int! roll: [Pupil] }
        type Pupil @key(fields: "upn") { upn: String! attendance: Float }
        """;

    private static IReadOnlyList<string> Problems(params (string Name, string Sdl)[] subgraphs)
    {
        var composed = SupergraphComposer.Compose([.. subgraphs.Select(s => new SubgraphSdl(s.Name, $"http://{s.Name}.test/graphql", s.Sdl))]);
        Assert.True(composed.IsSuccess, string.Join("; ", composed.Errors));
        return ScopeAuthorityCheck.Problems(SupergraphLoader.Load(composed.Supergraph!), "index");
    }

    [Fact]
    public void IndexReferencingAnAgencysRecords_AndAnAgencyReferencingItsOwn_Pass() =>
        Assert.Empty(Problems(("index", Index), ("school", School)));

    [Fact]
    public void SubgraphReturningAnotherAgencysEntity_IsAProblem_NamingFieldAndOwner()
    {
        var other = Link + """

            type Query { pupilsOfInterest: [Pupil] }
            type Pupil @key(fields: "upn", resolvable: false) { upn: String! }
            """;

        var problem = Assert.Single(Problems(("index", Index), ("school", School), ("other", other)));

        Assert.StartsWith("[other] Query.pupilsOfInterest returns Pupil, whose records 'school' serves by key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityBehindAUnion_IsAProblem()
    {
        var other = Link + """

            type Query { interesting: [Thing] }
            union Thing = Pupil | Note
            type Note { text: String }
            type Pupil @key(fields: "upn", resolvable: false) { upn: String! }
            """;

        Assert.Contains(Problems(("index", Index), ("school", School), ("other", other)),
            p => p.StartsWith("[other] Query.interesting returns Pupil", StringComparison.Ordinal));
    }

    [Fact]
    public void EntityBehindAnInterface_IsAProblem()
    {
        var other = Link + """

            type Query { recent: [Record] }
            interface Record { upn: String! }
            type Pupil implements Record @key(fields: "upn", resolvable: false) { upn: String! }
            """;

        Assert.Contains(Problems(("index", Index), ("school", School), ("other", other)),
            p => p.StartsWith("[other] Query.recent returns Pupil, whose records 'school' serves by key", StringComparison.Ordinal));
    }

    [Fact]
    public void SubgraphReturningChildren_WhenOnlyTheIndexResolvesThem_Passes_ButNotOnceAnotherAgencyDoes()
    {
        var cases = Link + """

            type Query { caseOf(id: ID!): Case }
            type Case { id: ID! child: Child }
            type Child @key(fields: "id", resolvable: false) { id: ID! }
            """;
        var extending = Link + """

            type Child @key(fields: "id") { id: ID! flags: [String] }
            """;

        Assert.Empty(Problems(("index", Index), ("cases", cases)));
        var problem = Assert.Single(Problems(("index", Index), ("cases", cases), ("flags", extending)));
        Assert.StartsWith("[cases] Case.child returns Child, whose records 'flags' serves by key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SubgraphServingAFieldOfAnotherAgencysKey_IsAProblem()
    {
        // 'other' resolves Child by id and serves its upn, which 'byUpn' uses as its key: the gateway could take the
        // upn from 'other' and send it to 'byUpn'.
        var other = Link + """

            type Child @key(fields: "id") { id: ID! upn: String @shareable }
            """;
        var byUpn = Link + """

            type Child @key(fields: "upn") { upn: String @shareable detail: String }
            """;
        var index = Index.Replace("name: String", "name: String upn: String @shareable", StringComparison.Ordinal);

        var problems = Problems(("index", index), ("other", other), ("byUpn", byUpn));

        Assert.Contains(problems, p => p.StartsWith("[other] Child.upn is part of the key by which 'byUpn' serves Child", StringComparison.Ordinal));
    }

    [Fact]
    public void TakingAFieldOverFromTheIndex_IsAProblem()
    {
        var other = Link + """

            type Query { child(id: ID!): Child @override(from: "index") }
            type Child @key(fields: "id") { id: ID! }
            """;

        var problem = Assert.Single(Problems(("index", Index), ("other", other)));

        Assert.StartsWith("[other] Query.child takes the field over from the scope authority 'index' (@override)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RootFieldServedAlongsideTheIndex_IsAProblem()
    {
        var index = Index.Replace("child(id: ID!): Child", "child(id: ID!): Child lookup: String @shareable", StringComparison.Ordinal);
        var other = Link + """

            type Query { lookup: String @shareable }
            """;

        var problem = Assert.Single(Problems(("index", index), ("other", other)));

        Assert.StartsWith("[other] Query.lookup is also served by the scope authority 'index'", problem, StringComparison.Ordinal);
    }

    /// <summary>A directory entity: every field its owner serves is labelled `reference` (row_level: false).</summary>
    private const string Directory = Link + """

        type Query { schoolByUrn(urn: Int!): Establishment }
        type Establishment @key(fields: "urn") { urn: Int! name: String }
        """;

    private const string Referring = Link + """

        type Query { placement(id: ID!): Placement }
        type Placement { id: ID! establishment: Establishment }
        type Establishment @key(fields: "urn", resolvable: false) { urn: Int! }
        """;

    /// <summary>The labels of the two cases below, and a rule that scopes records (so the check applies).</summary>
    private static string Policies(string establishmentNameLabel) => $$"""
        settings: { version: test, strict: false }
        labels:
          reference: { description: Directory data about institutions., row_level: false }
          identifying: Names that single out a child.
        agencies: [index, directory, referring]
        purposes:
          casework: { description: Casework., legal_basis: Test., justification_required: false, aggregate_only: false }
        roles:
          worker: { description: A worker., agency: referring, purposes: [casework] }
        rules:
          - role: worker
            purpose: casework
            visible: [reference, identifying]
            links: []
            scope: own_caseload
        classifications:
          Query.child: [identifying]
          Query.schoolByUrn: [reference]
          Query.placement: [identifying]
          Child.id: [identifying]
          Child.name: [identifying]
          Child.pupil: [identifying]
          Pupil.upn: [identifying]
          Placement.id: [identifying]
          Placement.establishment: [identifying]
          Establishment.urn: [reference]
          Establishment.name: [{{establishmentNameLabel}}]
        """;

    private static IReadOnlyList<string> ProblemsUnder(string policies, params (string Name, string Sdl)[] subgraphs)
    {
        var composed = SupergraphComposer.Compose([.. subgraphs.Select(s => new SubgraphSdl(s.Name, $"http://{s.Name}.test/graphql", s.Sdl))]);
        Assert.True(composed.IsSuccess, string.Join("; ", composed.Errors));
        var supergraph = SupergraphLoader.Load(composed.Supergraph!);
        var fields = supergraph.Types.Values.Where(t => t.IsComposite && !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Keys.Select(f => $"{t.Name}.{f}")).ToHashSet(StringComparer.Ordinal);
        var loaded = PolicyLoader.Load([new PolicySource("test.yaml", policies)], fields);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
        return ScopeAuthorityCheck.Problems(supergraph, loaded.PolicySet!, "index");
    }

    /// <summary>
    /// A school, a setting or a team is directory data, not a child's record: any subgraph may return one by key (a
    /// placement naming its establishment), since its owner serves nothing the caller's record scope decides.
    /// </summary>
    [Fact]
    public void SubgraphReturningADirectoryEntity_Passes_WhileItsOwnerServesOnlyNonRowLevelFields()
    {
        Assert.Empty(ProblemsUnder(Policies("reference"), ("index", Index), ("directory", Directory), ("referring", Referring)));
    }

    [Fact]
    public void SubgraphReturningADirectoryEntity_IsAProblem_OnceItsOwnerServesAFieldAboutAChild()
    {
        var problem = Assert.Single(ProblemsUnder(Policies("identifying"), ("index", Index), ("directory", Directory), ("referring", Referring)));

        Assert.StartsWith("[referring] Placement.establishment returns Establishment, whose records 'directory' serves by key", problem, StringComparison.Ordinal);
    }

    /// <summary>A service extending the school's pupils with a field of its own, computed from theirs.</summary>
    private const string Extension = Link + """

        type Pupil @key(fields: "upn") { upn: String! attendance: Float @external risk: String @requires(fields: "attendance") }
        """;

    private static string OriginPolicies(string extraClassifications = "", string links = "Child.pupil: school") => $$"""
        settings: { version: test, strict: false }
        labels:
          identifying: Names that single out a child.
        agencies: [index, school, extension, other, claiming, teams]
        links:
          {{links}}
        purposes:
          casework: { description: Casework., legal_basis: Test., justification_required: false, aggregate_only: false }
        roles:
          worker: { description: A worker., agency: school, purposes: [casework] }
        rules:
          - role: worker
            purpose: casework
            visible: [identifying]
            links: [all]
            scope: own_caseload
        classifications:
          Query.child: [identifying]
          Query.school: [identifying]
          Child.id: [identifying]
          Child.name: [identifying]
          Child.pupil: [identifying]
          Pupil.upn: [identifying]
          Pupil.attendance: [identifying]
          Pupil.risk: [identifying]
          School.urn: [identifying]
          School.roll: [identifying]
        {{extraClassifications}}
        """;

    /// <summary>
    /// The school returning its own pupils (its roll) may hand their keys to a service that extends them: the links say
    /// pupils are the school's records, so the keys come from the school's own scoped lookups. Before, every extension of
    /// an agency's entity was refused, since the agency's own fields returning it counted as foreign references.
    /// </summary>
    [Fact]
    public void AgencyReturningItsOwnRecords_ToAServiceExtendingThem_Passes()
    {
        Assert.Empty(ProblemsUnder(OriginPolicies(), ("index", Index), ("school", School), ("extension", Extension)));
    }

    [Fact]
    public void AgencyReturningRecords_TheLinksDoNotGiveIt_IsStillAProblem()
    {
        var problems = ProblemsUnder(OriginPolicies(links: "Child.pupil: other"), ("index", Index), ("school", School), ("extension", Extension));

        Assert.Contains(problems, p => p.StartsWith("[school] School.roll returns Pupil, whose records 'extension' serves by key", StringComparison.Ordinal));
    }

    /// <summary>Declaring itself an owner of the type does not make a service its origin: returning its keys is refused.</summary>
    [Fact]
    public void ExtensionReturningTheRecordsItExtends_IsAProblem()
    {
        var returning = Extension + """

            type Query { flagged: [Pupil] }
            """;

        var problems = ProblemsUnder(OriginPolicies("  Query.flagged: [identifying]"), ("index", Index), ("school", School), ("extension", returning));

        Assert.Contains(problems, p => p.StartsWith("[extension] Query.flagged returns Pupil, whose records 'school' serves by key", StringComparison.Ordinal));
    }

    /// <summary>
    /// A link a registered document declares for a field of its own subgraph does not make that subgraph the origin of
    /// the type: only the index's own links count, so a service cannot both extend an agency's type and name itself its
    /// origin to hand out its keys.
    /// </summary>
    [Fact]
    public void LinkOnAFieldTheIndexDoesNotServe_MakesNoOrigin()
    {
        var teams = Link + """

            type Query { team(id: ID!): Team }
            type Team @key(fields: "id") { id: ID! members: [String] }
            """;
        var claiming = Link + """

            type Child @key(fields: "id") { id: ID! claimed: [Team] }
            type Team @key(fields: "id") { id: ID! note: String }
            """;
        var extra = "  Query.team: [identifying]\n  Team.id: [identifying]\n  Team.members: [identifying]\n  Team.note: [identifying]\n  Child.claimed: [identifying]";

        // Its link the only one for Team: were it counted, 'claiming' would be Team's origin and its references allowed.
        var problems = ProblemsUnder(OriginPolicies(extra, links: "Child.pupil: school\n  Child.claimed: claiming"),
            ("index", Index), ("school", School), ("extension", Extension), ("teams", teams), ("claiming", claiming));

        Assert.Contains(problems, p => p.StartsWith("[claiming] Child.claimed returns Team, whose records 'teams' serves by key", StringComparison.Ordinal));
    }
}
