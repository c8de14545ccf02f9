using System.Text.Json;

namespace ChildInfo.Subgraphs.SocialCare.Data;

/// <summary>The SSD's JSON-ish columns: arrays of codes, and outcome objects of Y/N flags.</summary>
internal static class JsonColumns
{
    /// <summary>Strings of a JSON array such as <c>["1A","3A"]</c>; empty when absent or unreadable.</summary>
    public static IReadOnlyList<string> StringArray(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var values = new List<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s)
                {
                    values.Add(s);
                }
            }
            return values;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Keys of an outcome object whose value is "Y", without their <c>_FLAG</c> suffix.</summary>
    public static IReadOnlyList<string> SetFlags(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var flags = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is "Y" or "y")
                {
                    flags.Add(property.Name.EndsWith("_FLAG", StringComparison.Ordinal) ? property.Name[..^5] : property.Name);
                }
            }
            return flags;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
