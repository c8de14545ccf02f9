using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Records withheld by record scope: the subgraphs answer a child (or an agency record) outside the caller's scope
/// with null and an <c>OUTSIDE_SCOPE</c> error carrying the scope and rule (a list leaves them out and says nothing). This
/// turns those errors into entries like a withheld field's, one per (root field, scope, rule) with a count: for the
/// response's <c>extensions.withheld</c> (<see cref="Apply"/>) and for the audit (<see cref="Entries"/>). No entry
/// identifies a child.
/// </summary>
public static class ScopeWithholding
{
    public const string Code = "OUTSIDE_SCOPE";

    /// <summary>The records withheld by scope in <paramref name="errors"/>, as withheld entries for the audit.</summary>
    public static IReadOnlyList<WithheldField> Entries(IEnumerable<GraphQLError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.Where(e => e.Code == Code)
            .GroupBy(e => (Field: Field(e), Scope: Text(e, "scope"), Rule: Text(e, "rule")))
            .Select(g => new WithheldField(
                new FieldAccess(g.Key.Field, Allowed: false, Code, $"Outside the caller's record scope ({g.Key.Scope ?? "unknown"}).", g.Key.Rule, Label: null),
                g.Count()))];
    }

    /// <summary>
    /// Everything withheld from one request, once each, for the audit and the metrics: the fields the plan withheld
    /// (with how often each stood in the response; none when the request was refused before it ran) and the records
    /// withheld by scope.
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<WithheldField> Of(PreparedOperation operation, GatewayResult? result)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var counts = result?.Withheld.ToDictionary(w => w.Decision.Coordinate, w => w.Count, StringComparer.Ordinal);
        return [.. operation.Fields.Withheld.Select(d => new WithheldField(d, counts?.GetValueOrDefault(d.Coordinate) ?? 0)),
            .. result is null ? [] : Entries(result.Errors)];
    }

    /// <summary>
    /// <paramref name="result"/> with its records withheld by scope added to <c>extensions.withheld</c> (after any
    /// withheld fields); unchanged when there are none.
    /// </summary>
    public static GatewayResult Apply(GatewayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entries = Entries(result.Errors);
        if (entries.Count == 0)
        {
            return result;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            if (result.Extensions?.TryGetValue("withheld", out var existing) == true && existing.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in existing.EnumerateArray())
                {
                    item.WriteTo(writer);
                }
            }

            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("field", entry.Decision.Coordinate);
                writer.WriteString("code", entry.Decision.Code);
                writer.WriteString("reason", entry.Decision.Reason);
                writer.WriteString("rule", entry.Decision.Rule);
                writer.WriteNumber("count", entry.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return result.WithExtension("withheld", document.RootElement.Clone());
    }

    /// <summary>The root field the record stood under, as a coordinate (<c>Query.child</c>).</summary>
    private static string Field(GraphQLError error) =>
        error.Path is { Count: > 0 } path && path[0] is string root ? "Query." + root : "Query";

    private static string? Text(GraphQLError error, string name) =>
        error.Extensions?.TryGetValue(name, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
