using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Tests.Resilience;
using ChildInfo.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// A registered risk subgraph computes a band from a pupil's ethnicity and free school meals (<c>@requires</c>): to
/// answer it, the gateway fetches both from education and sends them to the risk subgraph. That is a disclosure from
/// one agency to another on the caller's behalf, whether or not the caller sees those fields, so the audit records it
/// for the child (what, from which service, to which) and the child's access report says so. Before, the record named
/// only what the caller was shown.
/// </summary>
public sealed class RequiresDisclosureTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>, IAsyncLifetime
{
    // The shared risk subgraph with one field more: a review flag it must always give (non-null), from free school meals.
    private static readonly string RiskSdl = Policies.RequiresPolicyTests.RiskSdl.Replace(
        "}", """
          reviewed: Boolean! @requires(fields: "fsmEligible")
        }
        """, StringComparison.Ordinal);

    private static readonly string RiskClassifications = Policies.RequiresPolicyTests.RiskClassifications + "\n  Pupil.reviewed: [sen]";

    private readonly string _folder = Directory.CreateTempSubdirectory("childinfo-requires-").FullName;
    private readonly ConcurrentQueue<JsonElement> _representations = new();
    private FileRegistryStore _store = null!;
    private RegistryGateway _gateway = null!;
    private WebApplication _risk = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new FileRegistryStore(Path.Combine(_folder, "registry.json"));
        _gateway = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, _store, audit: GatewayAuditOptions.ForDataDirectory(_folder));
        _risk = await LoopbackSubgraph.StartAsync(async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var root = body.RootElement;
            if (root.GetProperty("query").GetString()!.Contains("_service", StringComparison.Ordinal))
            {
                await http.Response.WriteAsJsonAsync(new { data = new { _service = new { sdl = RiskSdl } } });
                return;
            }

            var entities = new List<object>();
            // Asked for the review flag, it answers null, which it must not: the gateway nulls the pupil for it.
            var failsItsReview = root.GetProperty("query").GetString()!.Contains("reviewed", StringComparison.Ordinal);
            foreach (var representation in root.GetProperty("variables").GetProperty("representations").EnumerateArray())
            {
                _representations.Enqueue(representation.Clone());
                var fsm = representation.TryGetProperty("fsmEligible", out var f) && f.ValueKind == JsonValueKind.True;
                entities.Add(failsItsReview
                    ? new { __typename = "Pupil", reviewed = (bool?)null }
                    : new { __typename = "Pupil", riskBand = fsm ? "higher" : "usual" });
            }

            await http.Response.WriteAsJsonAsync(new { data = new { _entities = entities } });
        });
        // Forced: the registry refuses a non-null field of one service on another's entity (one outage would blank the
        // pupil), which is just what the null-propagation test needs.
        var (status, body) = await _gateway.AddAsync("risk", LoopbackSubgraph.UrlOf(_risk), RiskClassifications, force: true);
        Assert.True(status == 200, $"{status} {body.GetRawText()}");
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _risk.StopAsync();
        await _risk.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FieldsSentToComputeAnotherServicesField_AreRecordedForTheChild_AndToldInTheAccessReport()
    {
        var childId = ChildWithAPupilRecord();

        var answer = await QueryAsync($$"""{ child(id: "{{childId}}") { id pupil { riskBand } } }""");

        Assert.False(answer.TryGetProperty("errors", out _), answer.GetRawText());
        Assert.NotNull(answer.GetProperty("data").GetProperty("child").GetProperty("pupil").GetProperty("riskBand").GetString());
        // What the risk subgraph was actually sent: the key and the two required fields.
        var sentToRisk = Assert.Single(_representations);
        Assert.True(sentToRisk.TryGetProperty("ethnicity", out _) && sentToRisk.TryGetProperty("fsmEligible", out _), sentToRisk.GetRawText());

        var record = (await _gateway.Services.GetRequiredService<GatewayAudit>().Store.ReadAsync(0, 1_000)).Last(r => r.OperationText?.Contains("riskBand", StringComparison.Ordinal) == true);
        var mine = Assert.Single(record.Payload!.Children, c => c.ChildId == childId);
        Assert.Equal(["Pupil.ethnicity", "Pupil.fsmEligible"], mine.Sent.Select(f => f.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.All(mine.Sent, f => Assert.Equal(("education", "risk"), (f.Source, f.SentTo)));
        Assert.Contains(mine.Sent, f => f.Field == "Pupil.fsmEligible" && f.Label == "fsm");
        // Shown: the band; not shown (never asked for): ethnicity and free school meals themselves.
        Assert.Contains(mine.Disclosed, f => f.Field == "Pupil.riskBand");
        Assert.DoesNotContain(mine.Disclosed, f => f.Field is "Pupil.ethnicity" or "Pupil.fsmEligible");

        var (status, report) = await _gateway.AdminAsync(HttpMethod.Get, $"audit/children/{childId}/report", role: "data_protection_officer");
        Assert.True(status == 200, $"{status} {report.GetRawText()}");
        var access = report.GetProperty("accesses").EnumerateArray().Last(a => a.TryGetProperty("sent", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0);
        Assert.All(access.GetProperty("sent").EnumerateArray(), s => Assert.Equal("risk", s.GetProperty("sentTo").GetString()));
        var text = await ReportTextAsync(childId);
        Assert.Contains("To work out part of what they asked for,", text, StringComparison.Ordinal);
        Assert.Contains("(from school records)", text.Split("To work out part of what they asked for,")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldsSent_WhereNullPropagationHidTheResult_AreRecordedAllTheSame()
    {
        var childId = ChildWithAPupilRecord();

        var answer = await QueryAsync($$"""{ child(id: "{{childId}}") { id pupil { reviewed } } }""");

        // The risk subgraph broke its promise (null for a non-null field), so the caller sees no pupil at all ...
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").GetProperty("child").GetProperty("pupil").ValueKind);
        Assert.True(answer.TryGetProperty("errors", out _), answer.GetRawText());
        // ... but free school meals went from education to the risk subgraph to compute it, and the record says so.
        var sentToRisk = Assert.Single(_representations);
        Assert.True(sentToRisk.TryGetProperty("fsmEligible", out _), sentToRisk.GetRawText());
        var record = (await _gateway.Services.GetRequiredService<GatewayAudit>().Store.ReadAsync(0, 1_000)).Last(r => r.OperationText?.Contains("reviewed", StringComparison.Ordinal) == true);
        var mine = Assert.Single(record.Payload!.Children, c => c.ChildId == childId);
        Assert.Equal(["Pupil.fsmEligible"], mine.Sent.Select(f => f.Field).Distinct());
        Assert.All(mine.Sent, f => Assert.Equal(("education", "risk"), (f.Source, f.SentTo)));
        // Nothing of the pupil was shown; the child's report says what was sent all the same.
        Assert.DoesNotContain(mine.Disclosed, f => f.Field.StartsWith("Pupil.", StringComparison.Ordinal));
        var text = await ReportTextAsync(childId);
        Assert.Contains("To work out part of what they asked for, risk was sent free school meals (from school records).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryThatSendsNothingOnward_RecordsNothingSent()
    {
        var childId = ChildWithAPupilRecord();

        var answer = await QueryAsync($$"""{ child(id: "{{childId}}") { id pupil { upn ethnicity } } }""");

        Assert.False(answer.TryGetProperty("errors", out _), answer.GetRawText());
        var record = (await _gateway.Services.GetRequiredService<GatewayAudit>().Store.ReadAsync(0, 1_000)).Last(r => r.OperationText?.Contains("ethnicity", StringComparison.Ordinal) == true);
        var mine = Assert.Single(record.Payload!.Children, c => c.ChildId == childId);
        Assert.Empty(mine.Sent);
        Assert.Contains(mine.Disclosed, f => f.Field == "Pupil.ethnicity");
        Assert.Empty(_representations);
    }

    /// <summary>The child's access report in words, as a data protection officer reads it.</summary>
    private async Task<string> ReportTextAsync(string childId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_gateway.BaseUrl, $"audit/children/{childId}/report"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _gateway.Token("data_protection_officer", "dpo-requires"));
        request.Headers.Accept.ParseAdd("text/plain");
        using var response = await _gateway.Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>As a team manager under child protection (every child in scope, every label visible).</summary>
    private async Task<JsonElement> QueryAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gateway.BaseUrl, "graphql")) { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _gateway.Token("team_manager", "tm-requires"));
        request.Headers.Add("ChildInfo-Purpose", "child_protection");
        request.Headers.Add("ChildInfo-Justification", RegistryGateway.Justification);
        using var response = await _gateway.Client.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private string ChildWithAPupilRecord()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(configured.Environment.ChildIndexConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link WHERE source_system = 'education' ORDER BY child_id LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }
}
