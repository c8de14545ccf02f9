using System.Text.Json;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Benchmarks;

/// <summary>The supergraphs, operations and canned subgraph answers the scenarios share.</summary>
internal static class Fixtures
{
    /// <summary>A joined-up view of one child across the five sample subgraphs (child index and the four agencies).</summary>
    public const string ChildQuery = """
        query ChildView($id: ID!) {
          child(id: $id) {
            id
            forename
            surname
            dateOfBirth
            postcode
            pupil { upn forename surname fsmEligible senProvision ncYearActual primarySenType }
            earlyYearsChild { eyChildId forename surname postcode ethnicity }
            socialCareChild { personId forename surname childProtectionPlanActive lookedAfterActive hasEhcPlan }
            vcsParticipant { participantId forename surname knownAs registeredDate }
          }
        }
        """;

    public static JsonElement ChildVariables { get; } = JsonDocument.Parse("""{"id":"C000123"}""").RootElement;

    /// <summary>The embedded demo's supergraph (composed from the five sample subgraphs).</summary>
    public static string DemoSupergraph()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Supergraphs", "demo.graphql");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException("The demo supergraph (gateway/ChildInfo.Gateway.Demo/supergraph.graphql) was not found.", path);
    }

    public static string MergeSupergraph() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Merge", "supergraph.graphql"));

    /// <summary>A transport for scenarios that never reach a subgraph.</summary>
    public sealed class NoTransport : ISubgraphTransport
    {
        public Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This scenario does not call subgraphs.");
    }
}
