using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Model;
using ChildInfo.Policies.Preferences;

namespace ChildInfo.Gateway.Authorisation.Preferences;

/// <summary>
/// The child's and family's say, applied to each agency record as it arrives: the record's recorded data-use
/// preferences are fetched with it (never shown unless the client may see them under their own <c>preference</c>
/// label), decided by the policy scope (<see cref="PolicyScope.EvaluatePreferences"/>), and a withheld preference
/// withholds the fields its category covers (a field is covered when one of its labels is in the category; ALL is
/// the whole record, whose links are then not followed). A preference the purpose overrides withholds nothing and is
/// reported under <c>extensions.preferenceOverrides</c> when the request asked for data it covers. Built once per
/// scope; a record that arrived without readable preferences is withheld (on doubt, withhold).
/// </summary>
public sealed class PreferenceGuard : IRecordGuard
{
    private static readonly string[] PreferenceFieldsRead = ["code", "dataCategory", "withheldFromPurposes", "withheldFromAgencies", "expressedBy"];

    /// <summary>What is fetched with every agency record: what the decision needs, nothing more.</summary>
    public static readonly string Fields = $"dataUsePreferences {{ {string.Join(' ', PreferenceFieldsRead)} }}";

    private const string PreferencesField = "dataUsePreferences";

    private readonly PolicyScope _scope;
    private readonly FrozenDictionary<string, RecordType> _records;

    public PreferenceGuard(PolicyScope scope, PolicySet set, SupergraphSchema schema)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(schema);
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
        var records = new Dictionary<string, RecordType>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (link, agency) in set.Links)
        {
            var dot = link.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !schema.Types.TryGetValue(link[..dot], out var parent) || parent.Field(link[(dot + 1)..]) is not { } field
                || !schema.Types.TryGetValue(field.Type.NamedType, out var record) || record.Field(PreferencesField) is null)
            {
                continue;
            }

            var labels = record.Fields.Values.ToFrozenDictionary(
                f => f.Name,
                f => set.Classifications.TryGetValue(record.Name + "." + f.Name, out var l) ? l : [],
                StringComparer.Ordinal);
            records[record.Name] = new RecordType(record.Name, agency, labels);
            read.UnionWith(labels[PreferencesField]);
            var preferenceType = record.Field(PreferencesField)!.Type.NamedType;
            foreach (var selected in PreferenceFieldsRead)
            {
                if (set.Classifications.TryGetValue(preferenceType + "." + selected, out var preferenceLabels))
                {
                    read.UnionWith(preferenceLabels);
                }
            }
        }

        _records = records.ToFrozenDictionary(StringComparer.Ordinal);
        ReadLabels = read.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The labels of what the guard fetches with each record (the preferences and the fields of them it reads): the
    /// gateway reads them whatever the caller may see, so each subgraph call's signed context allows them too.
    /// </summary>
    public FrozenSet<string> ReadLabels { get; }

    /// <summary>Agency record types this guard checks, with the agency each belongs to.</summary>
    public IReadOnlyDictionary<string, string> RecordAgencies => _records.ToDictionary(r => r.Key, r => r.Value.Agency, StringComparer.Ordinal);

    public string? GuardFields(string typeName) => _records.ContainsKey(typeName) ? Fields : null;

    public RecordVerdict Inspect(GuardedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_records.TryGetValue(record.TypeName, out var type))
        {
            return RecordVerdict.Keep;
        }

        if (!record.Fields.TryGetProperty(PreferencesField, out var recorded) || recorded.ValueKind != JsonValueKind.Array)
        {
            // Nothing of the record arrived (its subgraph failed, or answered null, for example outside the caller's
            // scope): there is nothing of it to withhold beyond the link it was reached by.
            if (!record.Answered)
            {
                return RecordVerdict.Keep;
            }

            return new RecordVerdict(new FieldAccess(record.TypeName, false, PreferenceGuardCodes.PreferencesUnavailable,
                $"The data-use preferences on this {type.Agency} record could not be read, so the record is withheld.", _scope.Rule.Id, null), [], []);
        }

        if (recorded.GetArrayLength() == 0)
        {
            return RecordVerdict.Keep;
        }

        var evaluation = _scope.EvaluatePreferences(Read(type.Agency, recorded));
        if (evaluation.Withheld.FirstOrDefault(d => d.AllLabels) is { } whole)
        {
            return new RecordVerdict(new FieldAccess(record.TypeName, false, whole.Code, whole.Reason, whole.Rule, null), [], []);
        }

        var fields = ImmutableArray.CreateBuilder<FieldAccess>();
        foreach (var name in record.Selected)
        {
            foreach (var decision in evaluation.Withheld)
            {
                if (type.Covered(name, decision) is { } label)
                {
                    fields.Add(new FieldAccess(record.TypeName + "." + name, false, decision.Code, decision.Reason, decision.Rule, label));
                    break;
                }
            }
        }

        var notices = ImmutableArray.CreateBuilder<RecordNotice>();
        foreach (var decision in evaluation.Overridden)
        {
            // Recorded only where the request asked for data the preference covers: then it was really set aside.
            var covered = record.Selected.Where(name => decision.AllLabels ? name != PreferencesField : type.Covered(name, decision) is not null).ToArray();
            if (covered.Length > 0)
            {
                notices.Add(PreferenceOverrideNotice.Create(record, decision, covered, _scope));
            }
        }

        return fields.Count == 0 && notices.Count == 0 ? RecordVerdict.Keep : new RecordVerdict(null, fields.ToImmutable(), notices.ToImmutable());
    }

    private static List<RecordedPreference> Read(string agency, JsonElement recorded)
    {
        var preferences = new List<RecordedPreference>(recorded.GetArrayLength());
        foreach (var item in recorded.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            preferences.Add(new RecordedPreference(
                agency,
                Text(item, "code"),
                Text(item, "dataCategory"),
                List(item, "withheldFromPurposes"),
                List(item, "withheldFromAgencies")));
        }

        return preferences;
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string[] List(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>An agency record type: the agency it belongs to and the labels of each of its fields.</summary>
    private sealed record RecordType(string Name, string Agency, FrozenDictionary<string, ImmutableArray<string>> Labels)
    {
        /// <summary>The first label of <paramref name="field"/> that <paramref name="decision"/> covers, or null.</summary>
        public string? Covered(string field, PreferenceDecision decision)
        {
            if (!Labels.TryGetValue(field, out var labels))
            {
                return null;
            }

            foreach (var label in labels)
            {
                if (decision.Covers(Agency, label))
                {
                    return label;
                }
            }

            return null;
        }
    }
}
