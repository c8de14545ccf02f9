using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// A minimal federation subgraph, not built on the Kit, as another supplier might write one: it offers cohort facts
/// (<c>_cohortFacts</c>, <c>_cohortMembers</c>) but no <c>_cohortWishes</c> field, so it cannot say which data-use
/// wishes it holds. It answers every call from fixed data (one fact, two record keys) and records the fields asked.
/// </summary>
public sealed class FactsWithoutWishesAgency : IAsyncDisposable
{
    public const string Name = "youth-club";

    public const string Fact = "attended";

    public const string Sdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable", "@inaccessible"])
        scalar Date
        type Query {
          _cohortFacts: [CohortFact!]! @shareable @inaccessible
          _cohortMembers(fact: String!, value: String, from: Date, to: Date): [CohortMember!]! @shareable @inaccessible
        }
        type CohortFact @shareable @inaccessible { name: String! label: String! description: String! kind: CohortFactKind! window: CohortWindowKind! values: [String!]! }
        enum CohortFactKind @inaccessible { CONDITION DIMENSION MEASURE EVENTS }
        enum CohortWindowKind @inaccessible { AS_AT DURING NONE }
        type CohortMember @shareable @inaccessible { localId: ID! group: String measure: Float }
        """;

    private const string Facts = """
        {"data":{"_cohortFacts":[{"name":"attended","label":"engagement","description":"Attended the youth club in the period.","kind":"CONDITION","window":"DURING","values":[]}]}}
        """;

    private const string Members = """{"data":{"_cohortMembers":[{"localId":"YC-1","group":null,"measure":null},{"localId":"YC-2","group":null,"measure":null}]}}""";

    private readonly WebApplication _app;

    private FactsWithoutWishesAgency(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The subgraph's GraphQL endpoint.</summary>
    public string Url { get; }

    /// <summary>The query text of every call, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Queries { get; } = new();

    public static async Task<FactsWithoutWishesAgency> StartAsync()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.Urls.Add("http://127.0.0.1:0");
        FactsWithoutWishesAgency? agency = null;
        app.MapPost("/graphql", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            var query = body.RootElement.GetProperty("query").GetString() ?? "";
            agency!.Queries.Enqueue(query);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(query.Contains("_cohortFacts", StringComparison.Ordinal) ? Facts
                : query.Contains("_cohortMembers", StringComparison.Ordinal) ? Members
                : """{"errors":[{"message":"This subgraph answers only its cohort fields."}]}""", http.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        agency = new FactsWithoutWishesAgency(app, address + "/graphql");
        return agency;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
