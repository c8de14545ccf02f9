using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// Record scope end to end, through the gateway over the sample subgraphs with signed contexts: a child outside the
/// caller's scope is withheld by the child index, so none of the child's agency records is ever requested from any
/// subgraph; break-glass (justification required) reaches the child.
/// </summary>
public sealed class RecordScopeTests(PolicyGatewayFixture gateway) : IClassFixture<PolicyGatewayFixture>
{
    private const string JoinedUp = "query($id: ID!) { child(id: $id) { id surname pupil { upn } socialCareChild { personId } earlyYearsChild { eyChildId } vcsParticipant { participantId } } }";

    private static readonly string[] AgencySubgraphBodies = ["Pupil", "SocialCareChild", "EarlyYearsChild", "VcsParticipant"];

    private string Worker(string childId) => ChildRelationships.Of(gateway.Environment, childId)["user"];

    /// <summary>A child allocated in social care (a worker and a team) and a child on a school roll but on nobody's caseload.</summary>
    private (string Allocated, string Elsewhere) Children()
    {
        var (with, without) = ChildRelationships.ByKind(gateway.Environment, "caseload");
        var allocated = with.First(c => ChildRelationships.Of(gateway.Environment, c) is var h && h.ContainsKey("user") && h.ContainsKey("team"));
        var elsewhere = without.First(c => ChildRelationships.Of(gateway.Environment, c).ContainsKey("school"));
        return (allocated, elsewhere);
    }

    private Task<Support.HttpExchange> AsSocialWorkerAsync(string user, string purpose, string childId, string marker, bool breakGlass = false, string? justification = null) =>
        gateway.PostAsync(JoinedUp, new { id = childId }, gateway.Token(new DevelopmentTokenRequest("social_worker", user)), purpose, justification ?? marker,
            breakGlass ? new Dictionary<string, string> { ["ChildInfo-Break-Glass"] = "true" } : null);

    private IReadOnlyList<string> SubgraphBodies(string marker) => [.. gateway.Recorder.BodiesByMarker.GetValueOrDefault(marker) ?? []];

    [Fact]
    public async Task ChildOnTheCallersCaseload_IsAnswered_AndFollowedToTheAgencies()
    {
        var (allocated, _) = Children();
        var marker = "scope-in-" + Guid.NewGuid().ToString("N");

        var exchange = await AsSocialWorkerAsync(Worker(allocated), "child_in_need", allocated, marker);

        Assert.True(exchange.Status == 200, $"{exchange.Status} {exchange.Body.GetRawText()}");
        Assert.Equal(allocated, exchange.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        Assert.Contains(SubgraphBodies(marker), b => AgencySubgraphBodies.Any(t => b.Contains(t, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChildOutsideTheCallersCaseload_IsWithheld_AndNoAgencyRecordIsRequested()
    {
        var (allocated, elsewhere) = Children();
        var marker = "scope-out-" + Guid.NewGuid().ToString("N");

        var exchange = await AsSocialWorkerAsync(Worker(allocated), "child_in_need", elsewhere, marker);

        Assert.Equal(200, exchange.Status);
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").GetProperty("child").ValueKind);
        var error = exchange.Body.GetProperty("errors")[0];
        Assert.Equal("OUTSIDE_SCOPE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("own_caseload", error.GetProperty("extensions").GetProperty("scope").GetString());
        Assert.Equal("social_worker/child_in_need", error.GetProperty("extensions").GetProperty("rule").GetString());
        Assert.DoesNotContain(elsewhere, exchange.Body.GetRawText(), StringComparison.Ordinal);
        var withheld = Assert.Single(exchange.Body.GetProperty("extensions").GetProperty("withheld").EnumerateArray(), w => w.GetProperty("code").GetString() == "OUTSIDE_SCOPE");
        Assert.Equal("Query.child", withheld.GetProperty("field").GetString());
        Assert.Equal(1, withheld.GetProperty("count").GetInt32());
        var bodies = SubgraphBodies(marker);
        Assert.Single(bodies);
        Assert.DoesNotContain(bodies, b => AgencySubgraphBodies.Any(t => b.Contains(t, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChildOutsideScope_BecomesAWithheldEntry_WithoutNamingTheChild()
    {
        var (allocated, elsewhere) = Children();

        var exchange = await AsSocialWorkerAsync(Worker(allocated), "child_in_need", elsewhere, "scope-entry-" + Guid.NewGuid().ToString("N"));

        var errors = exchange.Body.GetProperty("errors").EnumerateArray().Select(e => new GraphQLError(
            e.GetProperty("message").GetString()!, e.GetProperty("extensions").GetProperty("code").GetString()!,
            [.. e.GetProperty("path").EnumerateArray().Select(p => (object)p.GetString()!)], null,
            e.GetProperty("extensions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())));
        var entry = Assert.Single(ScopeWithholding.Entries(errors));
        Assert.Equal(new WithheldField(new FieldAccess("Query.child", Allowed: false, "OUTSIDE_SCOPE", "Outside the caller's record scope (own_caseload).", "social_worker/child_in_need", Label: null), 1), entry);
    }

    [Fact]
    public async Task BreakGlassWithJustification_ReachesTheChildOutsideScope()
    {
        var (allocated, elsewhere) = Children();
        var marker = "scope-bg-" + Guid.NewGuid().ToString("N");

        var withoutBreakGlass = await AsSocialWorkerAsync(Worker(allocated), "child_protection", elsewhere, marker + "-plain");
        var exchange = await AsSocialWorkerAsync(Worker(allocated), "child_protection", elsewhere, marker, breakGlass: true);

        Assert.Equal("OUTSIDE_SCOPE", withoutBreakGlass.FirstErrorCode);
        Assert.Equal(200, exchange.Status);
        Assert.Equal(elsewhere, exchange.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        Assert.False(exchange.Body.TryGetProperty("errors", out var errors) && errors.EnumerateArray().Any(e => e.GetProperty("extensions").GetProperty("code").GetString() == "OUTSIDE_SCOPE"), exchange.Body.GetRawText());
        Assert.Contains(SubgraphBodies(marker), b => AgencySubgraphBodies.Any(t => b.Contains(t, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BreakGlassWithoutJustification_IsRefusedBeforeAnythingIsFetched()
    {
        var (allocated, elsewhere) = Children();
        var before = gateway.Recorder.All.Count;

        var exchange = await gateway.PostAsync(JoinedUp, new { id = elsewhere }, gateway.Token(new DevelopmentTokenRequest("social_worker", Worker(allocated))), "child_protection", null,
            new Dictionary<string, string> { ["ChildInfo-Break-Glass"] = "true" });

        Assert.Equal(403, exchange.Status);
        Assert.False(exchange.HasData);
        Assert.Contains(exchange.FirstErrorCode, new[] { "JUSTIFICATION_REQUIRED", "BREAK_GLASS_JUSTIFICATION_REQUIRED" });
        Assert.Equal(before, gateway.Recorder.All.Count);
    }

    [Fact]
    public async Task SchoolDsl_ReachesPupilsOnTheSchoolsRollOnly()
    {
        var (onRoll, notOnRoll) = ChildRelationships.ByKind(gateway.Environment, "school_roll");
        var pupil = onRoll[0];
        var school = ChildRelationships.Of(gateway.Environment, pupil)["school"];
        var token = gateway.Token(new DevelopmentTokenRequest("school_dsl", "dsl.test") { School = school });

        var own = await gateway.PostAsync("query($id: ID!) { child(id: $id) { id pupil { upn } } }", new { id = pupil }, token, "education_welfare", "dsl-" + Guid.NewGuid().ToString("N"));
        var other = await gateway.PostAsync("query($id: ID!) { child(id: $id) { id pupil { upn } } }", new { id = notOnRoll[0] }, token, "education_welfare", "dsl-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(pupil, own.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        Assert.Equal("OUTSIDE_SCOPE", other.FirstErrorCode);
    }

    [Fact]
    public async Task TeamManager_ActsForTheTeam_ASocialWorkerInItDoesNot()
    {
        var (allocated, _) = Children();
        var team = ChildRelationships.Of(gateway.Environment, allocated)["team"];

        var manager = await gateway.PostAsync(JoinedUp, new { id = allocated }, gateway.Token(new DevelopmentTokenRequest("team_manager", "manager.test") { Team = team }), "child_in_need", "tm-" + Guid.NewGuid().ToString("N"));
        var colleague = await gateway.PostAsync(JoinedUp, new { id = allocated }, gateway.Token(new DevelopmentTokenRequest("social_worker", "colleague.test") { Team = team }), "child_in_need", "sw-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(allocated, manager.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        Assert.Equal("OUTSIDE_SCOPE", colleague.FirstErrorCode);
    }

    [Fact]
    public async Task Search_LeavesOutChildrenOutsideScope()
    {
        var (allocated, elsewhere) = Children();
        var (surname, dateOfBirth) = await NameAndBirthAsync(elsewhere);

        var exchange = await gateway.PostAsync($$"""{ searchChildren(surname: "{{surname}}", dateOfBirth: "{{dateOfBirth}}") { child { id } } }""", null,
            gateway.Token(new DevelopmentTokenRequest("social_worker", Worker(allocated))), "child_in_need", "search-" + Guid.NewGuid().ToString("N"));

        Assert.DoesNotContain(elsewhere, exchange.Body.GetRawText(), StringComparison.Ordinal);
        // Nothing says that a child outside the scope matched: no error, no count, no withheld entry.
        Assert.False(exchange.Body.TryGetProperty("errors", out _), exchange.Body.GetRawText());
        Assert.False(exchange.Body.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("withheld", out _), exchange.Body.GetRawText());
    }

    [Fact]
    public async Task Search_MatchingOnlyAChildOutsideTheScope_AnswersExactlyAsAMatchOnNobody()
    {
        var (allocated, elsewhere) = Children();
        var (surname, dateOfBirth) = await NameAndBirthAsync(elsewhere);
        var token = gateway.Token(new DevelopmentTokenRequest("social_worker", Worker(allocated)));

        var outside = await gateway.PostAsync($$"""{ searchChildren(surname: "{{surname}}", dateOfBirth: "{{dateOfBirth}}") { child { id } } }""", null, token, "child_in_need", "oracle-" + Guid.NewGuid().ToString("N"));
        var nobody = await gateway.PostAsync($$"""{ searchChildren(surname: "Zzyzx", dateOfBirth: "{{dateOfBirth}}") { child { id } } }""", null, token, "child_in_need", "oracle-" + Guid.NewGuid().ToString("N"));

        // Byte for byte the same answer: asked 45 times with varied details, nothing confirms that the child exists.
        Assert.Equal(nobody.Body.GetRawText(), outside.Body.GetRawText());
        Assert.Equal(0, outside.Body.GetProperty("data").GetProperty("searchChildren").GetArrayLength());
    }

    [Fact]
    public async Task Links_ListOnlyTheAgenciesTheRuleMayLink()
    {
        var (child, urn) = await OnARollAndKnownToAVoluntaryOrganisationAsync();
        var token = gateway.Token(new DevelopmentTokenRequest("school_dsl", "dsl.links") { School = urn });

        var exchange = await gateway.PostAsync("query($id: ID!) { child(id: $id) { id links { sourceSystem localId } } }", new { id = child }, token, "education_welfare", "links-" + Guid.NewGuid().ToString("N"));

        Assert.True(exchange.Status == 200, exchange.Body.GetRawText());
        var sources = exchange.Body.GetProperty("data").GetProperty("child").GetProperty("links").EnumerateArray().Select(l => l.GetProperty("sourceSystem").GetString()).ToList();
        // A school DSL's rule links education and social care only: that a voluntary organisation knows the child is not theirs to learn.
        Assert.Contains("education", sources);
        Assert.All(sources, s => Assert.Contains(s, new[] { "education", "social-care" }));
    }

    private async Task<(string ChildId, string Urn)> OnARollAndKnownToAVoluntaryOrganisationAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(gateway.Environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.child_id, r.holder FROM ci_relationship r
            WHERE r.holder_type = 'school' AND r.end_date IS NULL
              AND EXISTS (SELECT 1 FROM ci_record_link l WHERE l.child_id = r.child_id AND l.source_system = 'voluntary-sector')
              AND EXISTS (SELECT 1 FROM ci_record_link l WHERE l.child_id = r.child_id AND l.source_system = 'education')
            ORDER BY r.child_id LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the sample data holds a pupil on a roll who is known to a voluntary organisation");
        return (reader.GetString(0), reader.GetString(1));
    }

    private async Task<(string Surname, string DateOfBirth)> NameAndBirthAsync(string childId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(gateway.Environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT surname, dob FROM ci_child WHERE child_id = $id";
        command.Parameters.AddWithValue("$id", childId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1)[..10]);
    }
}
