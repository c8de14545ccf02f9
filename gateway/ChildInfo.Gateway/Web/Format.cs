using System.Globalization;
using System.Text.Json;

namespace ChildInfo.Gateway.Web;

/// <summary>Reading values out of the API's JSON and writing them as a person reads them (dates in words, yes/no).</summary>
public static class Format
{
    // The invariant culture writes English month names (the build runs in invariant globalisation mode).
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "Yes",
            JsonValueKind.False => "No",
            _ => null,
        } : null;

    public static bool? Flag(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean() : null;

    public static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static IReadOnlyList<JsonElement> List(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()] : [];

    /// <summary>"2026-08-21" as "21 August 2026"; other text as it is.</summary>
    public static string Date(string? iso) =>
        iso is null ? "" : DateOnly.TryParseExact(iso.Length >= 10 ? iso[..10] : iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d MMMM yyyy", English) : iso;

    public static string DateTime(DateTimeOffset time) => time.ToUniversalTime().ToString("d MMMM yyyy 'at' HH:mm 'UTC'", English);

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => "Not recorded" };

    /// <summary>A code such as <c>YOUNG_CARERS</c> as "Young carers".</summary>
    public static string Code(string? code) => code is null ? "" : PlainWords.Capitalise(PlainWords.Humanise(code.ToLowerInvariant()));
}
