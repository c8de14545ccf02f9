using System.Globalization;
using System.Text.Json;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// A short note in an agency's section when its record was joined to the child by matching rather than by a shared
/// identifier ("Linked by matching name and date of birth, 97% sure"), so a practitioner knows how much to trust
/// that it is the same child. Nothing is said for a link by NHS number or UPN, or for the child's only record.
/// </summary>
public static class LinkNote
{
    private static readonly Dictionary<string, string> FieldWords = new(StringComparer.Ordinal)
    {
        ["forename"] = "first name",
        ["surname"] = "surname",
        ["dateOfBirth"] = "date of birth",
        ["sex"] = "sex",
        ["postcode"] = "postcode",
    };

    public static Html For(JsonElement child, string agency)
    {
        var link = Format.List(child, "links").FirstOrDefault(l => Format.Text(l, "sourceSystem") == agency);
        if (link.ValueKind != JsonValueKind.Object)
        {
            return Html.Empty;
        }

        switch (Format.Text(link, "matchMethod"))
        {
            case "DEMOGRAPHIC":
                var sure = link.TryGetProperty("matchConfidence", out var c) && c.ValueKind == JsonValueKind.Number ? Math.Floor(c.GetDouble() * 100) : (double?)null;
                var matched = Matched(Format.List(link, "matchEvidence"));
                return Html.Of($"""
                    <p class="link-note" role="note">Linked to this child by matching {(matched.Length > 0 ? matched : "name, date of birth, sex and postcode")}{(sure is { } p ? ", " + p.ToString("0", CultureInfo.InvariantCulture) + "% sure" : "")}, not by a shared identifier such as an NHS number.</p>
                    """);
            case "CLERICAL":
                return Html.Raw("""<p class="link-note" role="note">Linked to this child by a person who reviewed the match, not by a shared identifier such as an NHS number.</p>""");
            default:
                return Html.Empty;
        }
    }

    /// <summary>The fields that counted for the link, in words: "name and date of birth".</summary>
    private static string Matched(IReadOnlyList<JsonElement> evidence)
    {
        var fields = evidence
            .Where(e => e.TryGetProperty("weight", out var w) && w.ValueKind == JsonValueKind.Number && w.GetDouble() > 0)
            .Select(e => Format.Text(e, "field"))
            .OfType<string>()
            .Where(FieldWords.ContainsKey)
            .ToList();
        var words = new List<string>();
        if (fields.Contains("forename") && fields.Contains("surname"))
        {
            words.Add("name");
            fields.RemoveAll(f => f is "forename" or "surname");
        }

        words.AddRange(fields.Select(f => FieldWords[f]));
        return words.Count switch
        {
            0 => "",
            1 => words[0],
            _ => string.Join(", ", words[..^1]) + " and " + words[^1],
        };
    }
}
