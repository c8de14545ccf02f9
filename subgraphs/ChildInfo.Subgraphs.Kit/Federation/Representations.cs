using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Federation;

/// <summary>
/// Reads key fields from an <c>_entities</c> representation with errors that tell the caller what was wrong,
/// rather than a conversion exception.
/// </summary>
public static class Representations
{
    public static string RequireString(IDictionary<string, object?> representation, string field, string typeName)
    {
        ArgumentNullException.ThrowIfNull(representation);
        if (!representation.TryGetValue(field, out var value) || value is null)
        {
            throw Invalid($"A {typeName} representation must carry its key field '{field}'.");
        }

        return value switch
        {
            string s when s.Length is > 0 and <= 64 => s,
            string => throw Invalid($"The key field '{field}' of a {typeName} representation must be a non-empty string of at most 64 characters."),
            _ => throw Invalid($"The key field '{field}' of a {typeName} representation must be a string, not {Describe(value)}."),
        };
    }

    private static string Describe(object value) => value switch
    {
        bool => "a boolean",
        int or long or double or decimal or float => "a number",
        System.Collections.IDictionary or IDictionary<string, object?> => "an object",
        System.Collections.IEnumerable => "a list",
        _ => "a " + value.GetType().Name,
    };

    private static ExecutionError Invalid(string message) =>
        new(message) { Code = "INVALID_REPRESENTATION" };
}
