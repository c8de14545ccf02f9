using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// Turns a subgraph's errors into the client's, re-pathed to where they belong in the client's response: the message
/// and code as the subgraph wrote them (each at most <see cref="MaxText"/> characters), and of its other extensions only
/// short texts, numbers and lists of them meant for the person asking, never a server's stack trace, exception or data.
/// Every answer's text was found well-formed as it arrived (<see cref="WellFormedText"/>), so reading it cannot fail.
/// </summary>
internal static class SubgraphErrors
{
    public static Dictionary<string, JsonElement> ServiceExtension(string service) =>
        new(StringComparer.Ordinal) { ["serviceName"] = JsonSerializer.SerializeToElement(service) };

    /// <summary>
    /// Longest error path read from a subgraph: twice the deepest query the gateway accepts (a field and a list index
    /// at each level) and more; a longer path cannot point into the response and is dropped, the error kept without it.
    /// </summary>
    internal const int MaxPathLength = 128;

    public static List<object>? ReadPath(JsonElement error, int skip)
    {
        if (!error.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.Array || path.GetArrayLength() > MaxPathLength)
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
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? Shorten(m.GetString()!) : "Subgraph error.";
        var code = ErrorCodes.SubgraphError;
        var extensions = ServiceExtension(service);
        if (error.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in ext.EnumerateObject())
            {
                if (property.Name == "code" && property.Value.ValueKind == JsonValueKind.String)
                {
                    code = Shorten(property.Value.GetString()!);
                }
                else if (extensions.Count <= MaxExtensions && IsForClients(property))
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

    /// <summary>
    /// Most errors passed on from one subgraph answer. Enough for every record of a long list to carry its own (a
    /// record outside the caller's scope is an error at its path); without a bound an answer of many thousand errors
    /// cost seconds of CPU (each re-pathed error is compared with those before it) and was sent on whole.
    /// </summary>
    internal const int MaxPerAnswer = 1_000;

    /// <summary>
    /// Calls <paramref name="add"/> for each of an answer's errors up to <see cref="MaxPerAnswer"/>; beyond those, one
    /// error says how many the subgraph reported.
    /// </summary>
    public static void ForEachPassedOn<TContext>(ExecutionState state, JsonElement errors, string service, TContext context, Action<JsonElement, TContext> add)
    {
        var passed = 0;
        foreach (var error in errors.EnumerateArray())
        {
            if (passed++ == MaxPerAnswer)
            {
                state.Errors.Add(new GraphQLError(
                    $"Subgraph '{service}' reported {errors.GetArrayLength()} errors; the first {MaxPerAnswer} are passed on.",
                    ErrorCodes.SubgraphError,
                    Extensions: ServiceExtension(service)));
                return;
            }

            add(error, context);
        }
    }

    /// <summary>Longest message or extension text passed on from a subgraph's error, in characters.</summary>
    internal const int MaxText = 1_000;

    /// <summary>Most extension members passed on from one subgraph error (the gateway's <c>serviceName</c> aside).</summary>
    internal const int MaxExtensions = 16;

    /// <summary>
    /// What subgraph servers put in an error for their developers: a stack trace, the exception, its details or data.
    /// Any federation-compatible subgraph can be registered, and several servers send these outside production mode.
    /// </summary>
    private static readonly HashSet<string> ForDevelopers = new(StringComparer.OrdinalIgnoreCase)
    {
        "stacktrace", "stack", "exception", "exceptions", "details", "data", "debug", "trace", "tracing", "innerException", "sql", "query",
    };

    /// <summary>
    /// An extension member a practitioner may be shown: a short text, a number, true or false, or a short list of
    /// those (<c>codes</c>), under a name that is not a developer's. Objects are not passed on: no member a subgraph of
    /// this project sends is one, and the members that carry a server's internals (the exception, its data) are.
    /// </summary>
    private static bool IsForClients(JsonProperty property)
    {
        if (property.Name == "serviceName" || ForDevelopers.Contains(property.Name) || property.Name.Length > 64)
        {
            return false;
        }

        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return IsShortScalar(value);
        }

        if (value.GetArrayLength() > MaxExtensions)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (!IsShortScalar(item))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsShortScalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Length <= MaxText,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => true,
        _ => false,
    };

    private static string Shorten(string text)
    {
        if (text.Length <= MaxText)
        {
            return text;
        }

        // Never half of a character written as two UTF-16 units: the response writer refuses a lone surrogate.
        var cut = char.IsHighSurrogate(text[MaxText - 2]) ? MaxText - 2 : MaxText - 1;
        return string.Concat(text.AsSpan(0, cut), "…");
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
