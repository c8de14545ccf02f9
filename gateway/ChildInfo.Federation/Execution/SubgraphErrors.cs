using System.Text.Json;
using ChildInfo.Federation.Errors;

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

    /// <param name="aliases">The plan's aliases of client fields, mapped back to the client's keys in the path; null for none.</param>
    public static GraphQLError Convert(JsonElement error, string service, List<object>? path, object[]? prefix, IReadOnlyDictionary<string, string>? aliases)
    {
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
            if (aliases is not null)
            {
                for (var i = 0; i < fullPath.Count; i++)
                {
                    if (fullPath[i] is string key && aliases.TryGetValue(key, out var clientKey))
                    {
                        fullPath[i] = clientKey;
                    }
                }
            }
        }

        return new GraphQLError(message, code, fullPath, null, extensions);
    }
}
