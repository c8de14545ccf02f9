using System.Text.Json;

namespace ChildInfo.Federation.Tests.Differential;

/// <summary>
/// What of an answer the differential test compares: whether it is a request error (no <c>data</c>), the data (values
/// exactly; the order of an object's fields is not compared, Apollo Gateway does not keep the order the specification
/// gives when a response name appears in several fragments), and the set of error paths. Error messages and codes are
/// left out: the two gateways word them differently.
/// </summary>
internal static class AnswerComparison
{
    public static string Normalise(JsonElement answer)
    {
        if (!answer.TryGetProperty("data", out var data))
        {
            return "request error";
        }

        var paths = new SortedSet<string>(StringComparer.Ordinal);
        if (answer.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                paths.Add(error.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array
                    ? string.Join('.', path.EnumerateArray().Select(p => p.ToString()))
                    : "(no path)");
            }
        }

        return "data: " + Canonical(data) + (paths.Count == 0 ? string.Empty : "\nerrors at: " + string.Join(", ", paths));
    }

    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Canonical)) + "]",
        _ => value.GetRawText(),
    };
}
