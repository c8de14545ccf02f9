using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Demo;

/// <summary>
/// The demo's first run builds its child index with the linkage job: the links, the run and its audit record are the
/// job's; the generator's own index is kept apart as the ground truth that <c>link stats --truth</c> measures against;
/// the README's children keep their ids, their records and their relationships, so Katie's social worker still sees
/// her social care record.
/// </summary>
public sealed class DemoFirstRunTests(DemoFirstRunFixture fixture) : IClassFixture<DemoFirstRunFixture>
{
    /// <summary>The children the README's walk-through and the practitioner pages' tests name.</summary>
    private static readonly string[] WalkThroughChildren = ["CH-DMAVZGB4", "CH-074413D7", "CH-F4P5W0WX", "CH-4FGYJKEH", "CH-Q9HTFYDR"];

    private string Index => Path.Combine(fixture.Folder, "child-index.db");

    private string Truth => Path.Combine(fixture.Folder, DemoLinkage.TruthFile);

    [Fact]
    public void FirstRun_TheIndexLinksAreTheJobs_TheRunIsStored_AndTheGeneratorsAreKeptApart()
    {
        var methods = Strings(Index, "SELECT DISTINCT match_method FROM ci_record_link");
        var truthMethods = Strings(Truth, "SELECT DISTINCT match_method FROM ci_record_link");

        // The job names a record linked to no other SOLE_RECORD, and its link ids are hashes of the record's key; the
        // generator writes neither.
        Assert.Superset(new HashSet<string> { "NHS_NUMBER", "UPN", "DEMOGRAPHIC", "SOLE_RECORD" }, methods.ToHashSet());
        Assert.Equal(0L, Scalar(Index, "SELECT COUNT(*) FROM ci_record_link WHERE link_id NOT LIKE 'L-%'"));
        Assert.True(Scalar(Index, "SELECT COUNT(*) FROM ci_record_link WHERE match_weight IS NOT NULL") > 0);
        Assert.Equal(1L, Scalar(Index, "SELECT COUNT(*) FROM ci_link_run"));
        Assert.DoesNotContain("SOLE_RECORD", truthMethods);
        Assert.Equal(0L, Scalar(Truth, "SELECT COUNT(*) FROM ci_record_link WHERE link_id LIKE 'L-%'"));
        Assert.Equal(Scalar(Truth, "SELECT COUNT(*) FROM ci_record_link"), Scalar(Index, "SELECT COUNT(*) FROM ci_record_link"));
        Assert.Contains("Linked ", fixture.Output, StringComparison.Ordinal);
        Assert.Contains("pairs for review", fixture.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstRun_IsAudited_AsTheLinkageOfficerUnderRecordLinkage()
    {
        using var connection = Open(Path.Combine(fixture.Folder, "audit.db"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, role, purpose, payload FROM audit_record";
        using var reader = command.ExecuteReader();

        Assert.True(reader.Read());
        Assert.Equal([DemoLinkage.User, "linkage_officer", "record_linkage"], [reader.GetString(0), reader.GetString(1), reader.GetString(2)]);
        Assert.Contains("record linkage run", reader.GetString(3), StringComparison.Ordinal);
        Assert.False(reader.Read());
    }

    [Fact]
    public async Task LinkStats_WithTruthAndNoFile_MeasuresTheDemosIndexAgainstTheGroundTruthKeptApart()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CommandLine.RunAsync(["link", "stats", "--truth", "--data", fixture.Folder], output, error, DemoCommandLine.Extensions, TestContext.Current.CancellationToken);

        Assert.True(code == 0, error.ToString());
        Assert.Contains(Truth, output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"precision (0\.99\d\d|1\.0000)  recall (0\.9[7-9]\d\d|1\.0000)", output.ToString());
    }

    [Fact]
    public async Task LinkStats_WithTruthAndNoFile_OnAFolderWithoutOne_SaysWhereItLooked()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var empty = Path.Combine(fixture.Folder, "no-such-demo");

        var code = await CommandLine.RunAsync(["link", "stats", "--truth", "--data", empty], output, error, DemoCommandLine.Extensions, TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains("There is no ground truth at", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WalkThroughChildren_KeepTheirIdsRecordsAndRelationships()
    {
        foreach (var child in WalkThroughChildren)
        {
            var records = $"SELECT source_system || ':' || local_id FROM ci_record_link WHERE child_id = '{child}' ORDER BY 1";
            var relationships = $"SELECT relationship_id FROM ci_relationship WHERE child_id = '{child}' ORDER BY 1";
            Assert.NotEmpty(Strings(Truth, records));
            Assert.Equal(Strings(Truth, records), Strings(Index, records));
            Assert.Equal(Strings(Truth, relationships), Strings(Index, relationships));
            // Ethnicity and the postcode's geography, which the analysts' questions count by, are still there.
            Assert.Equal(1L, Scalar(Index, $"SELECT COUNT(*) FROM ci_child c JOIN ci_postcode_geography g ON g.postcode = c.postcode WHERE c.child_id = '{child}' AND c.ethnicity IS NOT NULL"));
        }
    }

    [Fact]
    public async Task Katie_AnswersByHerId_WithHerSocialCareRecord_ForHerSocialWorker()
    {
        var contextKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var identityKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await using var subgraphs = await DemoSubgraphs.StartAsync(fixture.Folder, preferredPorts: false, contextKey, TestContext.Current.CancellationToken);
        var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = subgraphs.Urls,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(identityKey), PolicyDirectory = DemoLinkageOptions.SamplePolicies, ContextSigningKey = contextKey },
        });
        await using (app)
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            var token = DevelopmentIdentity.CreateToken(identityKey, new DevelopmentTokenRequest("social_worker", "W0022") { Organisation = "Northshire Children's Services" }, DateTimeOffset.UtcNow);
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, address + "/graphql")
            {
                Content = JsonContent.Create(new
                {
                    query = "query($id: ID!) { child(id: $id) { id forename surname socialCareChild { childProtectionPlanActive childProtectionPlans { latestCategoryOfAbuse } } } }",
                    variables = new { id = "CH-DMAVZGB4" },
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("ChildInfo-Purpose", "child_protection");
            request.Headers.Add("ChildInfo-Justification", "S47 enquiry CP-2291");

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            await app.StopAsync(TestContext.Current.CancellationToken);

            var child = body.GetProperty("data").GetProperty("child");
            Assert.True(child.ValueKind == JsonValueKind.Object, body.ToString());
            Assert.Equal("Katie", child.GetProperty("forename").GetString());
            Assert.True(child.GetProperty("socialCareChild").GetProperty("childProtectionPlanActive").GetBoolean(), body.ToString());
            Assert.Equal("EMO", child.GetProperty("socialCareChild").GetProperty("childProtectionPlans")[0].GetProperty("latestCategoryOfAbuse").GetString());
        }
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<string> Strings(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static long Scalar(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
