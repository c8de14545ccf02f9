using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Access;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Preferences;

namespace ChildInfo.Gateway.Authorisation.Preferences;

/// <summary>
/// A data-use preference a purpose set aside, as reported in <c>extensions.preferenceOverrides</c>: where the record
/// stands in the response, its type and agency, the preference's code and category, the fields asked for that it
/// covers, the reason, the legal basis and the rule. The audit records each one and flags it for review.
/// </summary>
public sealed record PreferenceOverrideNotice(
    IReadOnlyList<object> Path,
    string RecordType,
    string Agency,
    string Preference,
    string DataCategory,
    IReadOnlyList<string> Fields,
    string Reason,
    string LegalBasis,
    string Rule)
{
    /// <summary>The response extension the overrides are listed under.</summary>
    public const string Extension = "preferenceOverrides";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static RecordNotice Create(GuardedRecord record, PreferenceDecision decision, IReadOnlyList<string> fields, PolicyScope scope)
    {
        var notice = new PreferenceOverrideNotice(
            record.Path, record.TypeName, decision.Preference.SourceAgency, decision.Preference.Code, decision.Preference.DataCategory,
            fields, decision.Reason, scope.Purpose.LegalBasis, decision.Rule);
        return new RecordNotice(Extension, JsonSerializer.SerializeToElement(notice, Json));
    }

    /// <summary>The overrides a result reports.</summary>
    public static IReadOnlyList<PreferenceOverrideNotice> From(GatewayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var overrides = new List<PreferenceOverrideNotice>();
        foreach (var notice in result.Notices)
        {
            if (notice.Extension == Extension && notice.Entry.Deserialize<Entry>(Json) is { } entry)
            {
                overrides.Add(new PreferenceOverrideNotice(
                    [.. entry.Path.Select(p => p.ValueKind == JsonValueKind.Number ? (object)p.GetInt32() : p.GetString()!)],
                    entry.RecordType, entry.Agency, entry.Preference, entry.DataCategory, entry.Fields, entry.Reason, entry.LegalBasis, entry.Rule));
            }
        }

        return overrides;
    }

    private sealed record Entry(
        JsonElement[] Path, string RecordType, string Agency, string Preference, string DataCategory, string[] Fields, string Reason, string LegalBasis, string Rule);
}
