using System.Collections.Immutable;
using System.Text.Json;
using ChildInfo.Federation.Access;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// A record guard for the <c>record-guard</c> conformance cases, driven by flags held on each record: <c>HIDE_ALL</c>
/// withholds the whole record, <c>HIDE_&lt;FIELD&gt;</c> withholds that field, <c>NOTE_*</c> is reported under
/// <c>extensions.flagNotices</c>; a record whose flags did not arrive is withheld (on doubt, withhold).
/// </summary>
internal sealed class FlagGuard(IReadOnlyDictionary<string, string> guardFields) : IRecordGuard
{
    public const string Code = "FLAG_WITHHELD";

    public List<GuardedRecord> Inspected { get; } = [];

    public string? GuardFields(string typeName) => guardFields.GetValueOrDefault(typeName);

    public RecordVerdict Inspect(GuardedRecord record)
    {
        lock (Inspected)
        {
            Inspected.Add(record);
        }

        if (!record.Fields.TryGetProperty("flags", out var flags) || flags.ValueKind != JsonValueKind.Array)
        {
            return new RecordVerdict(Withheld(record.TypeName, "GUARD_FIELDS_MISSING", $"The flags of this {record.TypeName} could not be read.", null), [], []);
        }

        var fields = ImmutableArray.CreateBuilder<FieldAccess>();
        var notices = ImmutableArray.CreateBuilder<RecordNotice>();
        foreach (var flag in flags.EnumerateArray())
        {
            var code = flag.GetProperty("code").GetString()!;
            var scope = flag.GetProperty("scope").GetString();
            if (code == "HIDE_ALL")
            {
                return new RecordVerdict(Withheld(record.TypeName, Code, $"Flag {code} withholds the whole {record.TypeName}.", scope), [], []);
            }

            if (code.StartsWith("HIDE_", StringComparison.Ordinal))
            {
                var field = code["HIDE_".Length..].ToLowerInvariant();
                fields.Add(Withheld($"{record.TypeName}.{field}", Code, $"Flag {code} withholds {field}.", scope));
            }
            else if (code.StartsWith("NOTE_", StringComparison.Ordinal))
            {
                notices.Add(new RecordNotice("flagNotices", JsonSerializer.SerializeToElement(new { type = record.TypeName, path = record.Path, code })));
            }
        }

        return new RecordVerdict(null, fields.ToImmutable(), notices.ToImmutable());
    }

    private static FieldAccess Withheld(string coordinate, string code, string reason, string? label) =>
        new(coordinate, false, code, reason, "flag-guard", label);
}

/// <summary>Allows every field and supplies a record guard, as a host's policy would.</summary>
internal sealed class GuardedAllowAll(IRecordGuard guard) : IFieldAccessPolicy
{
    public const string ScopeKey = "guarded";

    public FieldAccess Decide(string typeName, string fieldName) => AllowAllFields.Instance.Decide(typeName, fieldName);

    public IRecordGuard? RecordGuard => guard;
}
