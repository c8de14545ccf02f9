using System.Text.RegularExpressions;

namespace ChildInfo.Policies.Tests;

/// <summary>
/// Reads <c>Type.field</c> coordinates of object types from supergraph SDL, without a GraphQL library: the policy
/// library knows nothing of GraphQL, and the test needs only names. Federation's own types are skipped.
/// </summary>
public static partial class SupergraphFields
{
    public static IReadOnlyCollection<string> Parse(string sdl)
    {
        var text = Comments().Replace(Descriptions().Replace(sdl, " "), " ");
        var coordinates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match type in ObjectTypes().Matches(text))
        {
            var name = type.Groups["name"].Value;
            if (name.StartsWith("join__", StringComparison.Ordinal) || name.StartsWith("link__", StringComparison.Ordinal) || name.StartsWith('_'))
            {
                continue;
            }

            var body = Arguments().Replace(type.Groups["body"].Value, "");
            foreach (Match field in FieldNames().Matches(body))
            {
                if (!field.Groups["field"].Value.StartsWith('_'))
                {
                    coordinates.Add($"{name}.{field.Groups["field"].Value}");
                }
            }
        }
        return coordinates;
    }

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex Descriptions();

    [GeneratedRegex("#[^\\n]*")]
    private static partial Regex Comments();

    [GeneratedRegex(@"(?:^|\s)(?:extend\s+)?type\s+(?<name>\w+)[^{]*\{(?<body>[^}]*)\}")]
    private static partial Regex ObjectTypes();

    [GeneratedRegex(@"\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")]
    private static partial Regex Arguments();

    [GeneratedRegex(@"(?:^|\n)\s*(?<field>\w+)\s*:")]
    private static partial Regex FieldNames();
}
