using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation.Execution;

/// <summary>Turns a subgraph's errors into the client's, re-pathed to where they belong in the client's response.</summary>
internal static class SubgraphErrors
{
    public static Dictionary<string, JsonElement> ServiceExtension(string service) =>
        new(StringComparer.Ordinal) { ["serviceName"] = JsonSerializer.SerializeToElement(service) };

    public static List<object>? ReadPath(JsonElement error, int skip)
    {
        if (!error.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var result = new List<object>();
        var i = 0;
        foreach (var segment in path.EnumerateArray())
        {
            if (i++ < skip)
            {
                continue;
            }

            if (segment.ValueKind == JsonValueKind.Number && segment.TryGetInt32(out var index))
            {
                result.Add(index);
            }
            else if (segment.ValueKind == JsonValueKind.String)
            {
                result.Add(segment.GetString()!);
            }
        }

        return result;
    }

    /// <summary>
    /// Adds a subgraph's error to the response's, its path re-rooted under <paramref name="prefix"/> and read with the
    /// client's keys: a client field the planner aliased (<see cref="ExecutionState.FetchAliases"/>) under the client's
    /// key, a field the planner added under its own alias under the field's name. An error so re-pathed that repeats
    /// one already there (the same failure reached through the client's field and the planner's) is not added twice.
    /// </summary>
    public static void Add(ExecutionState state, JsonElement error, string service, List<object>? path, object[]? prefix)
    {
        var converted = Convert(error, service, path, prefix, state.FetchAliases, out var repathed);
        if (repathed && state.Errors.Exists(e => e.Message == converted.Message && e.Code == converted.Code && SamePath(e.Path, converted.Path)))
        {
            return;
        }

        state.Errors.Add(converted);
    }

    private static GraphQLError Convert(
        JsonElement error, string service, List<object>? path, object[]? prefix, IReadOnlyDictionary<string, string>? aliases, out bool repathed)
    {
        repathed = false;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "Subgraph error.";
        var code = ErrorCodes.SubgraphError;
        var extensions = ServiceExtension(service);
        if (error.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in ext.EnumerateObject())
            {
                if (property.Name == "code" && property.Value.ValueKind == JsonValueKind.String)
                {
                    code = property.Value.GetString()!;
                }
                else if (property.Name != "serviceName")
                {
                    extensions[property.Name] = property.Value.Clone();
                }
            }
        }

        List<object>? fullPath = null;
        if (path is not null)
        {
            fullPath = prefix is null ? path : [.. prefix, .. path];
            for (var i = 0; i < fullPath.Count; i++)
            {
                if (fullPath[i] is not string key || !key.StartsWith(PlannerAliases.Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                // No client key starts with the planner's prefix: the segment is one of the planner's own names.
                fullPath[i] = aliases is not null && aliases.TryGetValue(key, out var clientKey) ? clientKey : key[PlannerAliases.Prefix.Length..];
                repathed = true;
            }
        }

        return new GraphQLError(message, code, fullPath, null, extensions);
    }

    private static bool SamePath(IReadOnlyList<object>? a, IReadOnlyList<object>? b)
    {
        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
