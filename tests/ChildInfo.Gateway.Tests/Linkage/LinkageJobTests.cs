using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Linkage;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Linkage.Evaluation;
using ChildInfo.Linkage.Linking;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Linkage;

/// <summary>
/// The linkage job through the gateway and the agencies' subgraphs: a linkage officer's run reads every agency's
/// identities under a context signed for record_linkage, rebuilds the child index accurately (measured against the
/// generator's links, which come from the truth), keeps the children's ids, is audited with no child named, and a
/// second run changes nothing; anyone else is refused before any agency is asked; an agency that does not answer
/// stops the run with nothing written; and no client reaches the agencies' linkage fields through the API.
/// </summary>
public sealed class LinkageJobTests(LinkageGatewayFixture fixture) : IClassFixture<LinkageGatewayFixture>
{
    [Fact]
    public async Task Run_AsTheLinkageOfficer_RebuildsTheIndexAccurately_KeepsChildIds_AndIsAudited()
    {
        var gateway = await fixture.StartAsync(Urls());
        var marker = $"link-run-{Guid.NewGuid():N}";
        var truth = ReadLinks(fixture.TruthIndex);

        var run = await gateway.RunAsync(marker: marker);

        Assert.True(run.Status == 200, run.Body.ToString());
        var report = run.Body;
        var byAgency = report.GetProperty("recordsByAgency").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(["early-years", "education", "social-care", "voluntary-sector"], byAgency.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(truth.Count, byAgency.Values.Sum());
        var linked = await gateway.Store.ChildOfRecordsAsync();
        Assert.Equal(truth.Count, linked.Count);
        var quality = LinkageQuality.Measure(AsResult(linked), truth);
        Assert.True(quality.Precision >= 0.99 && quality.Recall >= 0.97, $"precision {quality.Precision:0.0000}, recall {quality.Recall:0.0000}");
        var kept = truth.Count(t => linked[t.Key] == t.Value);
        Assert.True(kept >= truth.Count * 0.97, $"{kept} of {truth.Count} records kept their child id");

        var record = (await gateway.AuditAsync()).Last(r => r.Payload?.Justification == marker);
        Assert.Equal("record_linkage", record.Purpose);
        Assert.Equal("linkage_officer", record.Role);
        Assert.Equal(AuditOutcome.Ok, record.Outcome);
        Assert.Empty(record.ChildIds);
        Assert.Equal(["early-years", "education", "social-care", "voluntary-sector"], record.Payload!.Aggregate!.Agencies.Order(StringComparer.Ordinal));
        Assert.Contains($"{truth.Count:N0} records read", record.Payload.Aggregate.Question, StringComparison.Ordinal);

        var calls = fixture.Recorder.CallsByMarker(marker);
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Contains("_linkageRecords", c.BodyText, StringComparison.Ordinal));

        var again = await gateway.RunAsync();
        Assert.Equal(200, again.Status);
        Assert.Equal(0, again.Body.GetProperty("newChildren").GetInt32());
        Assert.Equal(0, again.Body.GetProperty("movedRecords").GetInt32());
        Assert.Equal(linked.OrderBy(p => p.Key, StringComparer.Ordinal), (await gateway.Store.ChildOfRecordsAsync()).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("social_worker", "child_protection")]
    [InlineData("la_analyst", "service_planning")]
    public async Task Run_UnderAnotherPurpose_IsRefusedBeforeAnyAgencyIsAsked(string role, string purpose)
    {
        var marker = $"link-refused-{Guid.NewGuid():N}";

        var run = await fixture.Working.RunAsync(role, purpose, marker);

        Assert.Equal(403, run.Status);
        Assert.Equal("NOT_LINKAGE", run.Body.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(fixture.Recorder.CallsByMarker(marker));
        var record = (await fixture.Working.AuditAsync()).Last(r => r.Payload?.Justification == marker);
        Assert.Equal(AuditOutcome.Denied, record.Outcome);
    }

    [Fact]
    public async Task Run_WithoutAToken_IsChallenged()
    {
        var run = await HttpExchange.PostAsync(fixture.Environment.Client, new Uri(fixture.Working.BaseUrl, LinkageEndpoint.RunPath), "{}", accept: "application/json",
            headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "record_linkage" });

        Assert.Equal(401, run.Status);
    }

    [Fact]
    public async Task Run_WhenAnAgencyDoesNotAnswer_StopsWithAClearError_AndWritesNothing()
    {
        var before = ReadLinks(fixture.Broken.IndexFile);

        var run = await fixture.Broken.RunAsync();

        Assert.Equal(502, run.Status);
        var error = run.Body.GetProperty("error");
        Assert.Equal(LinkageJobException.NotAnswering, error.GetProperty("code").GetString());
        Assert.Equal("early-years", error.GetProperty("agency").GetString());
        Assert.Contains("Nothing was written", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, ReadLinks(fixture.Broken.IndexFile));
    }

    [Theory]
    [InlineData("linkage_officer", "record_linkage")]
    [InlineData("social_worker", "child_protection")]
    public async Task Api_NoClientReachesTheAgenciesLinkageFields(string role, string purpose)
    {
        var marker = $"link-api-{Guid.NewGuid():N}";

        var response = await HttpExchange.PostJsonAsync(fixture.Environment.Client, new Uri(fixture.Working.BaseUrl, "/graphql"),
            new { query = "{ _linkageRecords(first: 10) { records { localId forename surname dateOfBirth nhsNumber } } }" }, headers: fixture.Working.Headers(role, purpose, marker));

        Assert.False(response.HasData);
        Assert.Contains("GRAPHQL_VALIDATION_FAILED", response.ErrorCodes);
        Assert.Empty(fixture.Recorder.CallsByMarker(marker));
    }

    [Fact]
    public async Task Review_ListsPairsWithEvidence_AndAnUnknownPairIsABadDecision()
    {
        var gateway = await fixture.StartAsync(Urls());
        Assert.Equal(200, (await gateway.RunAsync()).Status);

        var list = await HttpExchange.GetAsync(fixture.Environment.Client, new Uri(gateway.BaseUrl, LinkageEndpoint.ReviewPath), "", accept: "application/json", headers: gateway.Headers());
        var decide = await HttpExchange.PostJsonAsync(fixture.Environment.Client, new Uri(gateway.BaseUrl, LinkageEndpoint.ReviewPath),
            new { pair = "R-00000000", decision = "accept", reason = "checked" }, accept: "application/json", headers: gateway.Headers());

        Assert.Equal(200, list.Status);
        Assert.All(list.Body.GetProperty("pairs").EnumerateArray(), p => Assert.NotEmpty(p.GetProperty("evidence").EnumerateArray()));
        Assert.Equal(400, decide.Status);
        Assert.Equal(LinkageEndpoint.BadDecision, decide.Body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Record_AfterARun_ReadsOnlyThatRecord_KeepsItsChild_AndIsAuditedNamingNoChild()
    {
        var gateway = await fixture.StartAsync(Urls());
        Assert.Equal(200, (await gateway.RunAsync()).Status);
        var localId = LinkedRecord(gateway.IndexFile, "education");
        var before = await gateway.Store.ChildOfRecordsAsync();
        var marker = $"link-record-{Guid.NewGuid():N}";

        var response = await gateway.LinkRecordAsync(new { agency = "education", localId }, marker);

        Assert.True(response.Status == 200, response.Body.ToString());
        Assert.Equal("linked", response.Body.GetProperty("outcome").GetString());
        Assert.False(response.Body.GetProperty("newChild").GetBoolean());
        Assert.False(response.Body.GetProperty("moved").GetBoolean());
        Assert.DoesNotContain(localId, response.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(before.OrderBy(p => p.Key, StringComparer.Ordinal), (await gateway.Store.ChildOfRecordsAsync()).OrderBy(p => p.Key, StringComparer.Ordinal));
        var call = Assert.Single(fixture.Recorder.CallsByMarker(marker));
        Assert.Contains("localId", call.BodyText, StringComparison.Ordinal);
        var record = (await gateway.AuditAsync()).Last(r => r.Payload?.Justification == marker);
        Assert.Equal(AuditOutcome.Ok, record.Outcome);
        Assert.Empty(record.ChildIds);
        Assert.Equal(["education"], record.Payload!.Aggregate!.Agencies);
        Assert.Contains("record linkage of one education record", record.Payload.Aggregate.Question, StringComparison.Ordinal);
        Assert.DoesNotContain(localId, record.Payload.Aggregate.Question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ARecordTheAgencyDoesNotHold_IsNotFound_AndWritesNothing()
    {
        var gateway = await fixture.StartAsync(Urls());
        Assert.Equal(200, (await gateway.RunAsync()).Status);
        var before = ReadLinks(gateway.IndexFile);

        var response = await gateway.LinkRecordAsync(new { agency = "education", localId = "NO-SUCH-PUPIL" });

        Assert.Equal(404, response.Status);
        Assert.Equal(LinkageJobException.RecordNotFound, response.Body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, ReadLinks(gateway.IndexFile));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"agency\":\"education\"}")]
    [InlineData("{\"agency\":\"education\",\"localId\":\"A\\u0000B\"}")]
    [InlineData("not json")]
    [InlineData("{\"agency\":\"nobody\",\"localId\":\"X1\"}")]
    public async Task Record_NotNamingARecordItMayRead_IsAClearError(string body)
    {
        var response = await HttpExchange.PostAsync(fixture.Environment.Client, new Uri(fixture.Working.BaseUrl, LinkageEndpoint.RecordPath), body, accept: "application/json", headers: fixture.Working.Headers());

        Assert.True(response.Status is 400 or 404, response.Body.ToString());
        Assert.StartsWith("LINKAGE_", response.Body.GetProperty("error").GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_NamingAMemberTwice_IsRefusedAsBadRequest_NotSettledByTheLastOne()
    {
        const string body = "{\"agency\":\"education\",\"localId\":\"X1\",\"localId\":\"X2\"}";

        var response = await HttpExchange.PostAsync(fixture.Environment.Client, new Uri(fixture.Working.BaseUrl, LinkageEndpoint.RecordPath), body, accept: "application/json", headers: fixture.Working.Headers());

        Assert.Equal(400, response.Status);
        Assert.Equal(LinkageEndpoint.BadRecord, response.Body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Record_UnderAnotherPurpose_IsRefusedBeforeAnyAgencyIsAsked()
    {
        var marker = $"link-record-refused-{Guid.NewGuid():N}";

        var response = await HttpExchange.PostJsonAsync(fixture.Environment.Client, new Uri(fixture.Working.BaseUrl, LinkageEndpoint.RecordPath),
            new { agency = "education", localId = "X1" }, accept: "application/json", headers: fixture.Working.Headers("social_worker", "child_protection", marker));

        Assert.Equal(403, response.Status);
        Assert.Empty(fixture.Recorder.CallsByMarker(marker));
    }

    [Fact]
    public async Task Review_ADecisionsAudit_SaysAReasonWasGiven_NotWhatItSays()
    {
        var gateway = await fixture.StartAsync(Urls());
        Assert.Equal(200, (await gateway.RunAsync()).Status);
        var pair = (await gateway.Store.ReviewQueueAsync())[0];
        var marker = $"link-decide-{Guid.NewGuid():N}";
        const string Reason = "Checked with the school: Amira's surname changed on adoption";

        var decide = await HttpExchange.PostJsonAsync(fixture.Environment.Client, new Uri(gateway.BaseUrl, LinkageEndpoint.ReviewPath),
            new { pair = pair.PairId, decision = "reject", reason = Reason }, accept: "application/json", headers: gateway.Headers(marker: marker));

        Assert.Equal(200, decide.Status);
        var record = (await gateway.AuditAsync()).Last(r => r.Payload?.Justification == marker);
        Assert.Contains($"with a reason of {Reason.Length} characters", record.Payload!.Aggregate!.Question, StringComparison.Ordinal);
        Assert.DoesNotContain("Amira", record.Payload.Aggregate.Question, StringComparison.Ordinal);
        Assert.Equal(Reason, (await gateway.Store.DecisionsAsync()).Single().Reason);
    }

    /// <summary>The local id of a record of <paramref name="agency"/> that the index links to another agency's record by matching.</summary>
    internal static string LinkedRecord(string indexFile, string agency)
    {
        using var connection = new SqliteConnection($"Data Source={indexFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT local_id FROM ci_record_link WHERE source_system = $agency AND match_method IN ('DEMOGRAPHIC', 'NHS_NUMBER', 'UPN') ORDER BY local_id LIMIT 1";
        command.Parameters.AddWithValue("$agency", agency);
        return (string)command.ExecuteScalar()!;
    }

    private IReadOnlyDictionary<string, string> Urls() => fixture.SubgraphUrls;

    private static LinkageResult AsResult(IReadOnlyDictionary<string, string> childOf) => new()
    {
        Clusters = [.. childOf.GroupBy(p => p.Value, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)[.. g.Select(p => p.Key)])],
        Links = [],
        ReviewQueue = [],
        Model = null!,
        CandidatePairs = 0,
    };

    /// <summary>Each record's child as a child index file holds it (<c>source:localId</c> to child id).</summary>
    private static Dictionary<string, string> ReadLinks(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_system, local_id, child_id FROM ci_record_link";
        using var reader = command.ExecuteReader();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            links[reader.GetString(0) + ":" + reader.GetString(1)] = reader.GetString(2);
        }

        return links;
    }
}
