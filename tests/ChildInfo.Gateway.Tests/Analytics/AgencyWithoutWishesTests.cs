using System.Text.Json;
using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Analytics;
using ChildInfo.Gateway.Demo;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// An agency that offers cohort facts but no <c>_cohortWishes</c> cannot say which children's families asked that
/// their records not be used, so a question that reads it is refused rather than counted; its facts still show in
/// the catalogue.
/// </summary>
public sealed class AgencyWithoutWishesTests(AnalyticsGatewayFixture fixture) : IClassFixture<AnalyticsGatewayFixture>
{
    [Fact]
    public async Task Question_ReadingAnAgencyWithFactsButNoWishes_IsRefused_AndNoCountIsAnswered()
    {
        await using var agency = await FactsWithoutWishesAgency.StartAsync();
        var sample = await DemoSupergraph.ComposeAsync(fixture.Environment.SubgraphUrls, TextWriter.Null, TestContext.Current.CancellationToken);
        var composed = SupergraphComposer.Compose([.. sample.Subgraphs, new SubgraphSdl(FactsWithoutWishesAgency.Name, agency.Url, FactsWithoutWishesAgency.Sdl)]);
        Assert.True(composed.IsSuccess, string.Join("\n", composed.Errors));
        var gateway = await fixture.StartOverAsync(composed.Supergraph!, new Dictionary<string, string> { [FactsWithoutWishesAgency.Name] = agency.Url });

        var catalogue = await gateway.AskAsync("{ cohortCatalogue { agencies { agency facts { name } } } }");
        var exchange = await gateway.TableAsync(new
        {
            asAt = "2026-10-01",
            condition = new { fact = new { agency = FactsWithoutWishesAgency.Name, fact = FactsWithoutWishesAgency.Fact, from = "2026-04-01", to = "2026-09-30" } },
        });

        // The agency composed and answered for the catalogue: the refusal is about its wishes, not its absence.
        Assert.Contains(catalogue.Body.GetProperty("data").GetProperty("cohortCatalogue").GetProperty("agencies").EnumerateArray(),
            a => a.GetProperty("agency").GetString() == FactsWithoutWishesAgency.Name);
        Assert.Equal([CohortSourceException.NotOffered], exchange.ErrorCodes);
        Assert.Contains("wishes", exchange.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(!exchange.Body.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null
            || data.GetProperty("cohortTable").ValueKind == JsonValueKind.Null, exchange.Body.ToString());
        // The gateway knows from the supergraph that the agency has no wishes field: it never asks for one.
        Assert.DoesNotContain(agency.Queries, q => q.Contains("_cohortWishes", StringComparison.Ordinal));
    }
}
