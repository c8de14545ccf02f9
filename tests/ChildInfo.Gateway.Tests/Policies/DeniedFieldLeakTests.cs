using System.Collections.Concurrent;
using System.Text.Json;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// For every role × allowed purpose (and break-glass scope) of the sample policies and every classified field each
/// denies: the field is asked for through the gateway (from <c>child(id:)</c> along the links, on a child whose data
/// has a value for it, or as a root field), in turn plainly, aliased, in a named fragment, in an inline fragment,
/// under <c>@include(if: $variable)</c> and repeated; no value comes back anywhere in the response and no subgraph
/// request selects it. Record scope is enforced, so each token holds the sample child's own relationships (its
/// allocated worker, team, organisation, school and setting): the child is in scope and the test checks real data.
/// </summary>
public sealed class DeniedFieldLeakTests(PolicyGatewayFixture gateway) : IClassFixture<PolicyGatewayFixture>
{
    private static readonly Dictionary<string, string> RootArguments = new(StringComparer.Ordinal)
    {
        ["child"] = "id: \"x\"", ["searchChildren"] = "surname: \"x\"", ["earlyYearsChild"] = "eyChildId: \"x\"", ["setting"] = "urn: 1",
        ["settingChildren"] = "urn: 1", ["pupil"] = "upn: \"x\"", ["school"] = "urn: 1", ["schoolRoll"] = "urn: 1",
        ["socialCareChild"] = "personId: \"x\"", ["caseload"] = "workerId: \"x\"", ["team"] = "teamId: \"x\"",
        ["vcsParticipant"] = "participantId: \"x\"", ["organisation"] = "organisationId: \"x\"",
    };

    [Fact]
    public async Task EveryDeniedField_EveryScope_NeverLeavesTheGateway()
    {
        var schema = gateway.Supergraph;
        var paths = PathsFromChild(schema);
        var values = await FindValuesAsync(schema, paths);
        var engine = gateway.Policies.Current;
        var cases = new List<(ChildInfo.Policies.Decisions.PolicyScope Scope, string Coordinate)>();
        foreach (var scope in engine.Scopes)
        {
            foreach (var (coordinate, decision) in scope.Fields)
            {
                if (!decision.Allowed && (coordinate.StartsWith("Query.", StringComparison.Ordinal) || values.ContainsKey(coordinate)))
                {
                    cases.Add((scope, coordinate));
                }
            }
        }

        Assert.True(cases.Count > 500, $"only {cases.Count} denied (scope, field) cases were found");
        var failures = new ConcurrentQueue<string>();
        var counter = 0;
        var childCases = 0;
        var outOfScope = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var n = Interlocked.Increment(ref counter);
            var marker = $"leak-test-{n}";
            var isRoot = item.Coordinate.StartsWith("Query.", StringComparison.Ordinal);
            var sample = isRoot ? default : Pick(values[item.Coordinate], item.Scope);
            var (query, variables, childValue) = Build(item.Coordinate, n % 6, paths, sample);
            var extra = item.Scope.BreakGlass ? new Dictionary<string, string> { ["ChildInfo-Break-Glass"] = "true" } : null;
            var token = isRoot ? gateway.Token(item.Scope.Role.Id) : gateway.TokenFor(item.Scope.Role.Id, sample.Child);
            var exchange = await gateway.PostAsync(query, variables, token, item.Scope.Purpose.Id, marker, extra);
            var where = $"{item.Scope.CacheKey} {item.Coordinate} variant {n % 6}";
            if (exchange.Status != 200 || !exchange.HasData)
            {
                failures.Enqueue($"{where}: HTTP {exchange.Status} {exchange.Body}");
                return;
            }

            var text = exchange.Body.GetRawText();
            if (!isRoot)
            {
                Interlocked.Increment(ref childCases);
                if (text.Contains("\"OUTSIDE_SCOPE\"", StringComparison.Ordinal))
                {
                    outOfScope.AddOrUpdate(item.Scope.CacheKey, 1, (_, c) => c + 1);
                }
            }

            if (FirstLeaf(exchange.Body.GetProperty("data")) is { } leaf)
            {
                failures.Enqueue($"{where}: a value came back: {leaf}");
            }

            if (childValue is { Length: >= 5 } && text.Contains(childValue, StringComparison.Ordinal))
            {
                failures.Enqueue($"{where}: the field's value '{childValue}' is in the response");
            }

            if (!text.Contains("\"withheld\"", StringComparison.Ordinal) && !item.Coordinate.StartsWith("Query.", StringComparison.Ordinal) && !text.Contains("\"child\":null", StringComparison.Ordinal))
            {
                failures.Enqueue($"{where}: no withheld summary: {text}");
            }

            foreach (var body in gateway.Recorder.BodiesByMarker.GetValueOrDefault(marker) ?? new ConcurrentQueue<string>())
            {
                if (SubgraphSelections.Coordinates(body, schema).Contains(item.Coordinate))
                {
                    failures.Enqueue($"{where}: a subgraph was asked for it: {body}");
                }
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures.Take(20)));
        // Scope must not make the test vacuous: almost every case reaches its child (those left are fields whose only
        // sample children have no relationship of the scope's kind, such as a setting for a child at no setting).
        var withheldByScope = outOfScope.Values.Sum();
        Assert.True(withheldByScope * 10 < childCases, $"{withheldByScope} of {childCases} child cases were withheld by record scope: {string.Join(", ", outOfScope.Select(o => $"{o.Key}={o.Value}"))}");
    }

    private const int ChildrenPerField = 12;

    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _relationships = new(StringComparer.Ordinal);

    /// <summary>A sample child the scope reaches once the token holds the child's relationships, else the first.</summary>
    private (string Child, string? Value) Pick((string Child, string? Value)[] samples, ChildInfo.Policies.Decisions.PolicyScope scope)
    {
        foreach (var sample in samples)
        {
            var holders = _relationships.GetOrAdd(sample.Child, c => ChildRelationships.Of(gateway.Environment, c));
            var reached = scope.RecordScope switch
            {
                ChildInfo.Policies.Model.RecordScope.Everyone => true,
                ChildInfo.Policies.Model.RecordScope.OwnCaseload => holders.ContainsKey("user") || holders.ContainsKey("organisation")
                    || (ChildInfo.Gateway.Authorisation.RelationshipHolders.TeamCaseloadRoles.Contains(scope.Role.Id) && holders.ContainsKey("team")),
                ChildInfo.Policies.Model.RecordScope.OwnSchoolRoll => holders.ContainsKey("school"),
                ChildInfo.Policies.Model.RecordScope.OwnSetting => holders.ContainsKey("setting"),
                _ => false,
            };
            if (reached)
            {
                return sample;
            }
        }

        return samples[0];
    }

    /// <summary>The first scalar anywhere under <paramref name="element"/>: nothing the test asks for may come back.</summary>
    private static string? FirstLeaf(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (FirstLeaf(property.Value) is { } leaf)
                    {
                        return property.Name + "=" + leaf;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstLeaf(item) is { } leaf)
                    {
                        return leaf;
                    }
                }

                return null;
            case JsonValueKind.Null:
                return null;
            default:
                return element.GetRawText();
        }
    }

    private static (string Query, object Variables, string? Value) Build(string coordinate, int variant, Dictionary<string, string[]> paths, (string Child, string? Value) sample)
    {
        var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
        var type = coordinate[..dot];
        var field = coordinate[(dot + 1)..];
        if (type == "Query")
        {
            return ($"{{ {field}({RootArguments[field]}) {{ __typename }} }}", new { }, null);
        }

        var (child, value) = sample;
        var composite = PolicyGatewayFixtureShapes.IsComposite(coordinate);
        var sub = composite ? " { __typename }" : "";
        var selection = variant switch
        {
            1 => $"leakAlias: {field}{sub}",
            2 => "...Leak",
            3 => $"... on {type} {{ {field}{sub} }}",
            4 => $"{field} @include(if: $yes){sub}",
            5 => $"{field}{sub} again: {field}{sub}",
            _ => field + sub,
        };
        var body = selection;
        foreach (var step in paths[type].Reverse())
        {
            body = $"{step} {{ {body} }}";
        }

        var fragment = variant == 2 ? $" fragment Leak on {type} {{ {field}{sub} }}" : "";
        var declarations = variant == 4 ? "$id: ID!, $yes: Boolean!" : "$id: ID!";
        var query = $"query({declarations}) {{ child(id: $id) {{ {(paths[type].Length == 0 ? selection : body)} }} }}{fragment}";
        return (query, variant == 4 ? new { id = child, yes = true } : new { id = child, yes = (bool?)null }, value);
    }

    /// <summary>The shortest path of fields from <c>Child</c> to each object type.</summary>
    private static Dictionary<string, string[]> PathsFromChild(ChildInfo.Federation.Supergraph.SupergraphSchema schema)
    {
        var paths = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Child"] = [] };
        var queue = new Queue<string>(["Child"]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            foreach (var field in schema.GetType(type).Fields.Values)
            {
                var named = field.Type.NamedType;
                if (schema.Types.TryGetValue(named, out var t) && t.IsComposite && !paths.ContainsKey(named))
                {
                    paths[named] = [.. paths[type], field.Name];
                    queue.Enqueue(named);
                }
            }
        }

        PolicyGatewayFixtureShapes.Remember(schema);
        return paths;
    }

    /// <summary>
    /// For each coordinate reachable from a child: up to <see cref="ChildrenPerField"/> children whose data has a value
    /// there (asked with every field allowed), so each case can take one in its scope.
    /// </summary>
    private async Task<Dictionary<string, (string Child, string? Value)[]>> FindValuesAsync(ChildInfo.Federation.Supergraph.SupergraphSchema schema, Dictionary<string, string[]> paths)
    {
        var children = await CandidateChildrenAsync(80);
        var found = new ConcurrentDictionary<string, ConcurrentQueue<(string, string?)>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (entry, _) =>
        {
            var (type, path) = entry;
            var fields = schema.GetType(type).Fields.Values.ToList();
            var selection = string.Join(' ', fields.Select(f => f.Name + (PolicyGatewayFixtureShapes.IsComposite(type + "." + f.Name) ? " { __typename }" : "")));
            var body = selection;
            foreach (var step in path.Reverse())
            {
                body = $"{step} {{ {body} }}";
            }

            foreach (var child in children)
            {
                if (fields.All(f => found.TryGetValue(type + "." + f.Name, out var have) && have.Count >= ChildrenPerField))
                {
                    break;
                }

                var exchange = await HttpExchange.PostJsonAsync(gateway.Environment.Client, gateway.Environment.GraphQLUrl,
                    new { query = $"query($id: ID!) {{ child(id: $id) {{ {body} }} }}", variables = new { id = child } });
                if (!exchange.HasData || exchange.Body.GetProperty("data").GetProperty("child") is not { ValueKind: JsonValueKind.Object } node)
                {
                    continue;
                }

                var objects = new List<JsonElement> { node };
                foreach (var step in path)
                {
                    objects = [.. objects.SelectMany(o => Flatten(o.TryGetProperty(step, out var v) ? v : default))];
                }

                foreach (var f in fields)
                {
                    foreach (var o in objects)
                    {
                        if (o.TryGetProperty(f.Name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && !(v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0))
                        {
                            found.GetOrAdd(type + "." + f.Name, _ => new()).Enqueue((child, v.ValueKind == JsonValueKind.String ? v.GetString() : null));
                            break;
                        }
                    }
                }
            }
        });

        return found.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [element],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Flatten),
        _ => [],
    };

    private async Task<List<string>> CandidateChildrenAsync(int count)
    {
        await using var connection = new SqliteConnection(gateway.Environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link GROUP BY child_id ORDER BY COUNT(DISTINCT source_system) DESC, child_id LIMIT $n";
        command.Parameters.AddWithValue("$n", count);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
