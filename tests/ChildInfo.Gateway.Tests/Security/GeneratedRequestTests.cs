using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Generated requests over the HTTP and GraphQL surfaces, from a fixed seed so that a failure replays: random roles,
/// purposes and children; random documents over the demo supergraph from <c>child(id:)</c> (aliases, reserved names
/// among them, named and inline fragments, <c>@include</c>/<c>@skip</c> on variables, repeated fields); hostile
/// purposes, justifications and extensions. Invariants: the gateway never answers 5xx, every answer is a GraphQL
/// response, no denied field has a value in any answer and no subgraph request selects a denied field, and no
/// request allocates more than a bounded amount of memory in the gateway.
/// </summary>
public sealed class GeneratedRequestTests(PolicyGatewayFixture gateway) : IClassFixture<PolicyGatewayFixture>
{
    private const int Seed = 20261205;
    private const int Cases = 300;

    /// <summary>No generated request may make the whole process allocate more than this while it is answered.</summary>
    private const long MaxAllocatedBytesPerRequest = 64L * 1024 * 1024;

    private static readonly string[] HostileAliases =
        ["fed__dataUsePreferences", "fed__id", "fed__typename", "fed__x", "_entities", "dataUsePreferences", "id", "__typename"];

    private static readonly string[] HostileTexts =
    [
        "x\r\nContent-Length: 0\r\n\r\nGET /graphql HTTP/1.1\r\nHost: s", "a\nb", "\u0000", "Zoë", "Ymholiad adran 47 — ŵyr", "£100",
        "\u202Eevil", "\uFEFF", new string('j', 5000), "\"}]}", "%0d%0a", "<script>alert(1)</script>", "", " ",
    ];

    [Fact]
    public async Task GeneratedRequests_NeverFailInside_AndNeverReleaseADeniedValue()
    {
        var schema = gateway.Supergraph;
        var scopes = gateway.Policies.Current.Scopes.ToList();
        var (children, _) = ChildRelationships.ByKind(gateway.Environment, "caseload");
        var failures = new ConcurrentQueue<string>();
        var answeredWithData = 0;
        var answeredAskingForDenied = 0;
        var checkedSubgraphCalls = 0;

        // One at a time, so that the allocation measured around a request is that request's.
        for (var n = 0; n < Cases; n++)
        {
            var random = new Random(Seed + n);
            var scope = scopes[random.Next(scopes.Count)];
            var child = children[random.Next(children.Count)];
            var generated = DocumentGenerator.Generate(random, schema);
            var token = random.Next(12) == 0 ? "not-a-token" : gateway.TokenFor(scope.Role.Id, child);
            var purpose = random.Next(10) == 0 ? Pick(random, HostileTexts) : scope.Purpose.Id;
            var marker = $"generated case {n} {Guid.NewGuid():N}";
            var justification = random.Next(3) == 0 ? Pick(random, HostileTexts) : marker;
            var headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Authorization"] = "Bearer " + token,
                ["ChildInfo-Purpose"] = HeaderSafe(purpose),
                ["ChildInfo-Justification"] = HeaderSafe(justification),
            };
            if (scope.BreakGlass)
            {
                headers["ChildInfo-Break-Glass"] = "true";
            }

            var body = new Dictionary<string, object?>
            {
                ["query"] = generated.Query,
                ["variables"] = new Dictionary<string, object?> { ["id"] = random.Next(20) == 0 ? Pick(random, HostileTexts) : child, ["flag"] = random.Next(2) == 0 },
            };
            if (random.Next(4) == 0)
            {
                body["extensions"] = new Dictionary<string, object?> { ["justification"] = Pick(random, HostileTexts), ["purpose"] = Pick(random, HostileTexts) };
            }

            var before = GC.GetTotalAllocatedBytes(precise: false);
            HttpExchange exchange;
            try
            {
                exchange = await HttpExchange.PostAsync(gateway.Environment.Client, gateway.GraphQLUrl, JsonSerializer.Serialize(body), headers: headers);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException)
            {
                failures.Enqueue($"case {n} (seed {Seed + n}): {ex.GetType().Name} {ex.Message}");
                continue;
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
            var where = $"case {n} (seed {Seed + n}, {scope.CacheKey})";
            if (exchange.Status >= 500)
            {
                failures.Enqueue($"{where}: HTTP {exchange.Status} {exchange.Body.GetRawText()}\n{generated.Query}");
            }

            if (allocated > MaxAllocatedBytesPerRequest)
            {
                failures.Enqueue($"{where}: {allocated:N0} bytes allocated\n{generated.Query}");
            }

            if (exchange.Body.ValueKind != JsonValueKind.Object || !(exchange.Body.TryGetProperty("data", out _) || exchange.Body.TryGetProperty("errors", out _)))
            {
                failures.Enqueue($"{where}: not a GraphQL response: {exchange.Body.GetRawText()}");
                continue;
            }

            // Subgraph calls are found by the justification signed into their context, so only a request sent with its marker is checked.
            foreach (var subgraphBody in justification == marker ? gateway.Recorder.BodiesByMarker.GetValueOrDefault(marker) ?? [] : [])
            {
                checkedSubgraphCalls++;
                foreach (var coordinate in SubgraphSelections.Coordinates(subgraphBody, schema))
                {
                    if (scope.Fields.TryGetValue(coordinate, out var decision) && !decision.Allowed)
                    {
                        failures.Enqueue($"{where}: a subgraph was asked for denied {coordinate}\n{subgraphBody}\nanswer: HTTP {exchange.Status} {exchange.Body.GetRawText()}");
                    }
                }
            }

            if (exchange.Body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                answeredWithData++;
                if (generated.Aliases.Values.Any(c => scope.Fields.TryGetValue(c, out var d) && !d.Allowed))
                {
                    answeredAskingForDenied++;
                }

                foreach (var leak in DeniedValues(data, generated.Aliases, scope))
                {
                    failures.Enqueue($"{where}: denied {leak} has a value\n{generated.Query}");
                }
            }
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Cases} generated requests failed:\n" + string.Join("\n\n", failures.Take(10)));
        // The generator must reach real answers, not only refusals.
        Assert.True(answeredWithData > Cases / 4, $"only {answeredWithData} of {Cases} generated requests were answered with data");
        // ...and many of those answers must have asked for something the caller may not see, or the leak check is idle.
        Assert.True(checkedSubgraphCalls > Cases / 4, $"only {checkedSubgraphCalls} subgraph calls were checked");
        Assert.True(answeredAskingForDenied > Cases / 10, $"only {answeredAskingForDenied} answered requests asked for a denied field");
    }

    /// <summary>Every aliased field in <paramref name="data"/> whose coordinate the scope denies and that holds a value.</summary>
    private static IEnumerable<string> DeniedValues(JsonElement data, IReadOnlyDictionary<string, string> aliases, PolicyScope scope)
    {
        var stack = new Stack<JsonElement>([data]);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    stack.Push(item);
                }

                continue;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (aliases.TryGetValue(property.Name, out var coordinate) && scope.Fields.TryGetValue(coordinate, out var decision) && !decision.Allowed
                    && property.Value.ValueKind != JsonValueKind.Null)
                {
                    yield return $"{coordinate} (as {property.Name})";
                }

                stack.Push(property.Value);
            }
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>HttpClient refuses CR, LF and NUL in a header itself; what it can send goes through, the rest is percent-encoded text.</summary>
    private static string HeaderSafe(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is '\r' or '\n' or '\0' || c > 0x7E ? '?' : c);
        }

        return builder.ToString();
    }

    /// <summary>Random documents over the supergraph below <c>child(id: $id)</c>, each field under an alias unique in the document.</summary>
    private static class DocumentGenerator
    {
        public static (string Query, IReadOnlyDictionary<string, string> Aliases) Generate(Random random, SupergraphSchema schema)
        {
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            var fragments = new List<string>();
            var counter = new int[1];
            var selection = Selection(random, schema, "Child", depth: 0, aliases, fragments, counter);
            var query = $"query Generated($id: ID!, $flag: Boolean!) {{ child(id: $id) {{ {selection} }} }} {string.Join(' ', fragments)}";
            return (query, aliases);
        }

        private static string Selection(Random random, SupergraphSchema schema, string typeName, int depth, Dictionary<string, string> aliases, List<string> fragments, int[] counter)
        {
            var type = schema.GetType(typeName);
            if (type.IsAbstract)
            {
                var parts = schema.PossibleTypes(typeName).Select(possible => $"... on {possible} {{ {Selection(random, schema, possible, depth, aliases, fragments, counter)} }}");
                return "__typename " + string.Join(' ', parts.ToList());
            }

            var fields = type.Fields.Values.Where(f => !f.Inaccessible && !f.Name.StartsWith('_')).ToList();
            var parts2 = new List<string>();
            var count = Math.Min(fields.Count, random.Next(1, 5));
            for (var i = 0; i < count; i++)
            {
                var field = fields[random.Next(fields.Count)];
                var coordinate = typeName + "." + field.Name;
                string alias;
                if (random.Next(40) == 0)
                {
                    // A reserved or planner-like name: refused, or at worst a denied value under it is still caught.
                    alias = HostileAliases[random.Next(HostileAliases.Length)];
                    if (alias != "__typename")
                    {
                        aliases.TryAdd(alias, coordinate);
                    }
                }
                else
                {
                    alias = "g" + counter[0]++;
                    aliases[alias] = coordinate;
                }

                var named = field.Type.NamedType;
                var sub = "";
                if (schema.Types.TryGetValue(named, out var child) && child.IsComposite)
                {
                    sub = depth >= 3 ? " { __typename }" : $" {{ {Selection(random, schema, named, depth + 1, aliases, fragments, counter)} }}";
                }

                var text = $"{alias}: {field.Name}{sub}";
                parts2.Add(random.Next(7) switch
                {
                    0 => $"... on {typeName} {{ {text} }}",
                    1 => Fragment(fragments, typeName, text),
                    2 => $"{alias}: {field.Name} @include(if: $flag){sub}",
                    3 => $"{alias}: {field.Name} @skip(if: $flag){sub}",
                    _ => text,
                });
            }

            return string.Join(' ', parts2);
        }

        private static string Fragment(List<string> fragments, string typeName, string text)
        {
            var name = "F" + fragments.Count;
            fragments.Add($"fragment {name} on {typeName} {{ {text} }}");
            return "..." + name;
        }
    }
}
