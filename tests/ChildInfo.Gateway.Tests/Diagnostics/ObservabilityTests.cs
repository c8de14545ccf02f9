using System.Diagnostics;
using System.Text.RegularExpressions;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Tests.Support;
using OpenTelemetry.Metrics;

namespace ChildInfo.Gateway.Tests.Diagnostics;

/// <summary>
/// Traces, metrics and logs of the gateway as deployed, driven by practitioners' requests: spans per phase and per
/// subgraph fetch under the request, counters that move, <c>/metrics</c> as Prometheus text, and no child's personal
/// data or justification in any log line, span or metric. One class, so its tests run one after another against one
/// gateway and each can count exactly what it sent.
/// </summary>
public sealed partial class ObservabilityTests(ObservedGateway gateway) : IClassFixture<ObservedGateway>
{
    private const string JoinedUp = """
        query ObservedChild($id: ID!) {
          child(id: $id) { id forename surname dateOfBirth postcode pupil { upn surname } socialCareChild { surname } earlyYearsChild { forename } vcsParticipant { forename } }
        }
        """;

    private static readonly string[] Justifications =
    [
        "Strategy discussion for sibling group 7Q after police referral",
        "Emergency: child found alone at Harbour Street, checking plans",
        "Case conference preparation for the Ashdown family",
    ];

    private static object ChildProtection(string justification) => new { purpose = "child_protection", justification };

    [Fact]
    public async Task JoinedUpChild_SpansPerPhaseAndPerSubgraphFetch_UnderTheRequest()
    {
        var child = (await SampleChild.MostLinkedAsync(gateway.Environment, 1))[0];
        // The test's own trace, which the client's call carries to the gateway (traceparent).
        HttpExchange exchange;
        ActivityTraceId traceId;
        using (var test = new Activity("observability-test").Start())
        {
            // Sampled, as a caller that records its own side would send it; the gateway's sampler follows its parent.
            test.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            traceId = test.TraceId;
            // An alias no other request uses, so the operation is parsed, validated and planned rather than taken from the plan cache.
            var query = JoinedUp.Replace("{ id forename", $"{{ id traced{Guid.NewGuid():N}: forename", StringComparison.Ordinal);
            exchange = await gateway.PostAsync("team_manager", new { query, variables = new { id = child.Id }, extensions = ChildProtection(Justifications[0]) });
        }

        Assert.Equal(200, exchange.Status);
        // The gateway's spans end after the answer has been sent, so the client can read the answer before they end.
        // The sample subgraphs run in this process too and their server spans, in the same trace, end earlier: the
        // wait is for the gateway's own server span, the parent of the request's span.
        List<Activity> spans = [];
        await Progress.UntilAsync(
            () => (spans = [.. gateway.EndedSpans().Where(s => s.TraceId == traceId)]).Any(
                r => r.OperationName == "graphql.request" && spans.Any(s => s.SpanId == r.ParentSpanId && s.Kind == ActivityKind.Server)),
            "The gateway's request and server spans did not end");
        var request = Assert.Single(spans, s => s.OperationName == "graphql.request");
        var server = Assert.Single(spans, s => s.SpanId == request.ParentSpanId);
        Assert.Equal(("Microsoft.AspNetCore", ActivityKind.Server, "/graphql"), (server.Source.Name, server.Kind, server.GetTagItem("url.path")));
        foreach (var phase in new[] { "read", "parse", "validate", "plan", "authorise", "execute", "audit", "write" })
        {
            var span = Assert.Single(spans, s => s.OperationName == phase);
            Assert.True(IsUnder(span, request, spans), $"The {phase} span is not under the request's span.");
        }

        var execute = spans.Single(s => s.OperationName == "execute");
        var fetches = spans.Where(s => s.OperationName == "fetch").ToList();
        Assert.Superset(
            new HashSet<string> { "child-index", "education", "social-care", "early-years", "voluntary-sector" },
            fetches.Select(f => (string)f.GetTagItem("graphql.federation.subgraph")!).ToHashSet());
        Assert.Equal(5, fetches.Select(f => f.GetTagItem("graphql.federation.subgraph")).Distinct().Count());
        foreach (var fetch in fetches)
        {
            Assert.True(IsUnder(fetch, execute, spans), "A subgraph fetch is not under the execute span.");
            // HttpClient instrumentation: the call itself, as the fetch's child.
            Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == fetch.SpanId);
        }

        // The trace says which operation and which subgraphs, never which child or why.
        var tagText = string.Join("\n", spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")));
        foreach (var value in child.PersonalData.Append(Justifications[0]))
        {
            Assert.DoesNotContain(value, tagText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Requests_MoveCountersByOperationSubgraphPlanCacheWithheldAndAudit()
    {
        var child = (await SampleChild.MostLinkedAsync(gateway.Environment, 2))[1];
        var before = gateway.CollectMetrics();

        // The same registered operation twice (planned, then from the plan cache), one named by the caller as it
        // pleases, and one whose protection fields the rule withholds.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(200, (await gateway.PostAsync("team_manager", new { query = JoinedUp, variables = new { id = child.Id }, extensions = ChildProtection(Justifications[1]) })).Status);
        }

        var hostileName = "Child_" + child.Surname.Replace(' ', '_').Replace('-', '_').Replace('\'', '_');
        Assert.Equal(200, (await gateway.PostAsync("team_manager", new { query = $"query {hostileName}($id: ID!) {{ child(id: $id) {{ id }} }}", variables = new { id = child.Id }, extensions = ChildProtection(Justifications[1]) })).Status);
        var withheld = await gateway.PostAsync("team_manager", new
        {
            query = "query Protection($id: ID!) { child(id: $id) { id socialCareChild { section47Enquiries { enquiryId } } } }",
            variables = new { id = child.Id },
            extensions = new { purpose = "child_in_need", justification = Justifications[1] },
        });
        Assert.Equal(200, withheld.Status);

        var after = gateway.CollectMetrics();
        Assert.Equal(2, Delta(before, after, "childinfo.gateway.requests", (GatewayMetrics.OperationTag, ObservedGateway.RegisteredOperation)));
        Assert.Equal(2, HistogramCount(after, "childinfo.gateway.request.duration", ObservedGateway.RegisteredOperation) - HistogramCount(before, "childinfo.gateway.request.duration", ObservedGateway.RegisteredOperation));
        Assert.True(Delta(before, after, "childinfo.gateway.requests", (GatewayMetrics.OperationTag, OperationNameTag.Other)) >= 2);
        Assert.True(Delta(before, after, "childinfo.gateway.request.errors", (GatewayMetrics.OperationTag, OperationNameTag.Other), (GatewayMetrics.OutcomeTag, RequestOutcomes.Partial)) >= 1);
        Assert.True(Delta(before, after, "childinfo.gateway.withheld_fields") >= 1);
        foreach (var subgraph in new[] { "child-index", "education", "social-care", "early-years", "voluntary-sector" })
        {
            Assert.True(Delta(before, after, "childinfo.gateway.subgraph.requests", (GatewayMetrics.SubgraphTag, subgraph), (GatewayMetrics.OutcomeTag, "ok")) >= 2, subgraph);
            // The meter is the process's, and other tests' gateways break circuits of subgraphs of these names on purpose.
            Assert.InRange(Gauge(after, "childinfo.gateway.subgraph.circuit_state", (GatewayMetrics.SubgraphTag, subgraph)), 0, 2);
        }

        Assert.True(Delta(before, after, "childinfo.federation.plan_cache.lookups", ("childinfo.plan_cache.result", "hit")) >= 1);
        Assert.True(Delta(before, after, "childinfo.federation.plan_cache.lookups", ("childinfo.plan_cache.result", "miss")) >= 1);
        Assert.True(HistogramCount(after, "childinfo.gateway.audit.append.duration", null) - HistogramCount(before, "childinfo.gateway.audit.append.duration", null) >= 4);
        Assert.True(Gauge(after, "childinfo.gateway.audit.queue_depth") >= 0);

        // Tag values are bounded: the caller's operation name is "other", and no child detail is a tag anywhere.
        var tagValues = after.SelectMany(m => m.MetricPoints).SelectMany(p => Tags(p)).Select(t => t.Value?.ToString() ?? "").ToHashSet();
        Assert.DoesNotContain(hostileName, tagValues);
        Assert.DoesNotContain(tagValues, v => child.PersonalData.Any(d => v.Contains(d, StringComparison.Ordinal)));
        Assert.All(after.Where(m => m.Name == "childinfo.gateway.withheld_fields").SelectMany(m => m.MetricPoints).SelectMany(p => Tags(p)),
            tag => Assert.Matches("^[A-Z0-9_]+$", tag.Value!.ToString()!));
    }

    [Fact]
    public async Task MetricsEndpoint_ScrapedOverHttp_IsPrometheusTextWithTheGatewaysMetrics()
    {
        var child = (await SampleChild.MostLinkedAsync(gateway.Environment, 3))[2];
        var answer = await gateway.PostAsync("team_manager", new { query = JoinedUp, variables = new { id = child.Id }, extensions = ChildProtection(Justifications[2]) });
        Assert.Equal(200, answer.Status);
        Assert.False(answer.Body.TryGetProperty("errors", out _), answer.Body.GetRawText());

        using var response = await gateway.Environment.Client.GetAsync(new Uri(gateway.BaseUrl, GatewayTelemetryRegistration.MetricsPath));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var samples = ParsePrometheus(text);
        Assert.Contains(samples, s => s.Name == "childinfo_gateway_requests_total" && s.Labels.GetValueOrDefault("graphql_operation_name") == ObservedGateway.RegisteredOperation && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "childinfo_gateway_request_duration_seconds_bucket" && s.Labels.ContainsKey("le"));
        // The child index is called for every child; which agencies are depends on the child, and this test may run first.
        Assert.Contains(samples, s => s.Name == "childinfo_gateway_subgraph_requests_total" && s.Labels.GetValueOrDefault("childinfo_subgraph") == "child-index");
        Assert.Contains(samples, s => s.Name == "childinfo_gateway_subgraph_circuit_state" && s.Labels.GetValueOrDefault("childinfo_subgraph") == "child-index" && s.Value is >= 0 and <= 2);
        Assert.Contains(samples, s => s.Name == "childinfo_gateway_audit_queue_depth");
        Assert.Contains(samples, s => s.Name == "childinfo_gateway_audit_append_duration_seconds_count" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name.StartsWith("childinfo_federation_plan_cache_lookups", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
        foreach (var value in child.PersonalData.Append(Justifications[2]))
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("127.0.0.1", "", true)]
    [InlineData("::1", "", true)]
    [InlineData("::ffff:127.0.0.1", "", true)]
    [InlineData("10.1.2.3", "", false)]
    [InlineData("10.1.2.3", "10.0.0.0/8", true)]
    [InlineData("192.168.1.9", "10.0.0.0/8", false)]
    public void MayReadMetrics_LoopbackAndConfiguredNetworksOnly(string caller, string networks, bool allowed)
    {
        var configured = networks.Length == 0 ? [] : networks.Split(',').Select(System.Net.IPNetwork.Parse).ToList();

        Assert.Equal(allowed, GatewayTelemetryRegistration.MayReadMetrics(System.Net.IPAddress.Parse(caller), configured));
    }

    [Fact]
    public async Task PractitionersRequests_NoLogLineCarriesAChildsDetailsOrAJustification()
    {
        var children = await SampleChild.MostLinkedAsync(gateway.Environment, 4);
        var client = gateway.Environment.Client;

        // Joined-up child, as JSON and as GET with the variables in the address.
        Assert.Equal(200, (await gateway.PostAsync("team_manager", new { query = JoinedUp, variables = new { id = children[0].Id }, extensions = ChildProtection(Justifications[0]) })).Status);
        var get = await HttpExchange.GetAsync(client, gateway.GraphQLUrl,
            $"query={Uri.EscapeDataString(JoinedUp)}&variables={Uri.EscapeDataString($$"""{"id":"{{children[1].Id}}"}""")}",
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + gateway.Token("team_manager"), ["ChildInfo-Purpose"] = "child_protection", ["ChildInfo-Justification"] = Justifications[1] });
        Assert.Equal(200, get.Status);

        // Search by the details a practitioner has, written into the query text.
        var sought = children[2];
        var search = await gateway.PostAsync("team_manager", new
        {
            query = $$"""{ searchChildren(forename: "{{sought.Forename}}", surname: "{{sought.Surname}}", dateOfBirth: "{{sought.DateOfBirth}}", postcode: "{{sought.Postcode}}") { score child { id forename } } }""",
            extensions = ChildProtection(Justifications[2]),
        });
        Assert.Equal(200, search.Status);

        // Refused: a purpose the role does not have, and a justification with no purpose.
        Assert.Equal(403, (await gateway.PostAsync("team_manager", new { query = JoinedUp, variables = new { id = children[3].Id }, extensions = new { purpose = "research", justification = Justifications[0] } })).Status);
        Assert.Equal(401, (await HttpExchange.PostJsonAsync(client, gateway.GraphQLUrl, new { query = JoinedUp, variables = new { id = children[3].Id }, extensions = ChildProtection(Justifications[1]) })).Status);

        // Break-glass by a social worker outside their caseload.
        var breakGlass = await gateway.PostAsync("social_worker", new { query = JoinedUp, variables = new { id = children[3].Id }, extensions = ChildProtection(Justifications[2]) },
            new Dictionary<string, string> { ["ChildInfo-Break-Glass"] = "true" });
        Assert.Equal(200, breakGlass.Status);

        // The practitioner pages' address for a child, unauthenticated.
        using (await client.GetAsync(new Uri(gateway.BaseUrl, "/children/" + children[0].Id + "?q=" + Uri.EscapeDataString(children[0].Surname))))
        {
        }

        var lines = gateway.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.EventId.Id == EventIds.RequestCompleted && l.Message.Contains("(ObservedChild) answered 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EventId.Id == EventIds.RequestCompleted && l.Message.Contains("answered 403 (denied)", StringComparison.Ordinal));
        var secrets = children.SelectMany(c => c.PersonalData).Concat(Justifications).Distinct().ToList();
        foreach (var line in lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(Regex.IsMatch(line.AllText, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(secret)}(?![\p{{L}}\p{{N}}])"),
                    $"A {line.Level} line of {line.Category} ({line.EventId}) carries '{secret}': {line.AllText}");
            }
        }
    }

    private static bool IsUnder(Activity span, Activity ancestor, List<Activity> spans)
    {
        for (var current = span; current is not null; current = spans.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return tag;
        }
    }

    private static bool Matches(MetricPoint point, (string Key, string Value)[] tags) =>
        tags.All(t => Tags(point).Any(p => p.Key == t.Key && Equals(p.Value?.ToString(), t.Value)));

    private static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, (string Key, string Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Where(p => Matches(p, tags)).Sum(p => p.GetSumLong());

    private static long Delta(IReadOnlyList<MetricSnapshot> before, IReadOnlyList<MetricSnapshot> after, string name, params (string Key, string Value)[] tags) =>
        Sum(after, name, tags) - Sum(before, name, tags);

    private static long HistogramCount(IReadOnlyList<MetricSnapshot> metrics, string name, string? operation) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)
            .Where(p => operation is null || Matches(p, [(GatewayMetrics.OperationTag, operation)]))
            .Sum(p => p.GetHistogramCount());

    private static long Gauge(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Where(p => Matches(p, tags)).Select(p => p.GetGaugeLastValueLong()).DefaultIfEmpty(-1).Max();

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    /// <summary>Prometheus text exposition: <c># HELP</c>/<c># TYPE</c> comments and <c>name{label="value",…} value [timestamp]</c> lines.</summary>
    private static List<Sample> ParsePrometheus(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var number => double.Parse(number, System.Globalization.CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, labels, value));
        }

        Assert.NotEmpty(samples);
        return samples;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
