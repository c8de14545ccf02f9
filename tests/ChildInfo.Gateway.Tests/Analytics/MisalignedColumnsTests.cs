using System.Text.Json;
using ChildInfo.Gateway.Analytics;
using ChildInfo.Gateway.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// A child index whose column answers do not line up (more child ids than groups, links with a key missing its
/// child) is a broken or hostile service: the question is refused as not answered, and nothing of it is counted.
/// The index here forwards every call to the real one, signed context and all, and garbles only the field named.
/// </summary>
public sealed class MisalignedColumnsTests(AnalyticsGatewayFixture fixture) : IClassFixture<AnalyticsGatewayFixture>
{
    private static readonly object Question = new
    {
        asAt = "2026-10-01",
        condition = new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } },
        groupBy = new object[] { new { index = "age_band" } },
    };

    [Theory]
    [InlineData("_cohortPopulation", """{"data":{"_cohortPopulation":{"childIds":["CH-1","CH-2"],"groups":[["1-4"]]}}}""")]
    [InlineData("_cohortLinks", """{"data":{"_cohortLinks":{"localIds":["A","B"],"childIds":["CH-1"]}}}""")]
    public async Task ColumnsThatDoNotLineUp_QuestionNotAnswered_NothingCounted(string field, string garbled)
    {
        await using var index = await GarblingIndex.StartAsync(fixture.SubgraphUrls["child-index"], field, garbled);
        var gateway = await fixture.StartOverAsync(DemoSupergraph.Load(), new Dictionary<string, string> { ["child-index"] = index.Url });

        var exchange = await gateway.TableAsync(Question);

        Assert.True(index.Garbled > 0, $"the question never asked for {field}");
        Assert.Equal([CohortSourceException.NotAnswering], exchange.ErrorCodes);
        Assert.True(!exchange.Body.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null
            || data.GetProperty("cohortTable").ValueKind == JsonValueKind.Null, exchange.Body.ToString());
    }

    private sealed class GarblingIndex : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _garbled;

        private GarblingIndex(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";

        public int Garbled => _garbled;

        public static async Task<GarblingIndex> StartAsync(string real, string field, string garbled)
        {
            var app = WebApplication.CreateSlimBuilder().Build();
            app.Urls.Add("http://127.0.0.1:0");
            var index = new GarblingIndex(app);
            var client = new HttpClient();
            app.MapPost("/graphql", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var body = await reader.ReadToEndAsync(http.RequestAborted);
                http.Response.ContentType = "application/json";
                if (body.Contains(field, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref index._garbled);
                    await http.Response.WriteAsync(garbled, http.RequestAborted);
                    return;
                }

                using var forward = new HttpRequestMessage(HttpMethod.Post, real) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                foreach (var (name, values) in http.Request.Headers)
                {
                    if (name.StartsWith("ChildInfo", StringComparison.OrdinalIgnoreCase) || name.Equals("Accept", StringComparison.OrdinalIgnoreCase))
                    {
                        forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
                    }
                }

                using var answer = await client.SendAsync(forward, http.RequestAborted);
                http.Response.StatusCode = (int)answer.StatusCode;
                await http.Response.WriteAsync(await answer.Content.ReadAsStringAsync(http.RequestAborted), http.RequestAborted);
            });
            await app.StartAsync();
            index.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";
            return index;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
