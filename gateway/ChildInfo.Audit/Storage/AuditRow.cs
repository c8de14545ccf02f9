using System.Text.Json;
using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Storage;

/// <summary>One row of <c>audit_record</c> as Dapper reads and writes it.</summary>
internal sealed class AuditRow
{
    public const string Columns =
        "sequence AS Sequence, recorded_at AS RecordedAt, request_id AS RequestId, user_id AS UserId, role AS Role, " +
        "organisation AS Organisation, purpose AS Purpose, child_ids AS ChildIds, break_glass AS BreakGlass, " +
        "preference_overridden AS PreferenceOverridden, outcome AS Outcome, operation_hash AS OperationHash, " +
        "payload AS Payload, payload_digest AS PayloadDigest, previous_hash AS PreviousHash, record_hash AS RecordHash, " +
        "redacted_at AS RedactedAt";

    public const string InsertColumns =
        "audit_record (sequence, recorded_at, request_id, user_id, role, organisation, purpose, child_ids, " +
        "break_glass, preference_overridden, outcome, operation_hash, payload, payload_digest, previous_hash, record_hash)";

    public static readonly string[] ValueNames =
    [
        nameof(Sequence), nameof(RecordedAt), nameof(RequestId), nameof(UserId), nameof(Role), nameof(Organisation), nameof(Purpose), nameof(ChildIds),
        nameof(BreakGlass), nameof(PreferenceOverridden), nameof(Outcome), nameof(OperationHash), nameof(Payload), nameof(PayloadDigest), nameof(PreviousHash), nameof(RecordHash),
    ];

    /// <summary>The single-row insert, as SQL Server sees it in the script checks.</summary>
    public const string Insert =
        "INSERT INTO audit_record (sequence, recorded_at, request_id, user_id, role, organisation, purpose, child_ids, " +
        "break_glass, preference_overridden, outcome, operation_hash, payload, payload_digest, previous_hash, record_hash) " +
        "VALUES (@Sequence, @RecordedAt, @RequestId, @UserId, @Role, @Organisation, @Purpose, @ChildIds, @BreakGlass, " +
        "@PreferenceOverridden, @Outcome, @OperationHash, @Payload, @PayloadDigest, @PreviousHash, @RecordHash)";

    public long Sequence { get; set; }
    public string RecordedAt { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string ChildIds { get; set; } = "[]";
    public long BreakGlass { get; set; }
    public long PreferenceOverridden { get; set; }
    public string Outcome { get; set; } = "";
    public string OperationHash { get; set; } = "";
    public string? Payload { get; set; }
    public string PayloadDigest { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string RecordHash { get; set; } = "";
    public string? RedactedAt { get; set; }

    /// <summary>The values of <see cref="ValueNames"/>, in that order (null for a removed payload).</summary>
    public object?[] Values() =>
        [Sequence, RecordedAt, RequestId, UserId, Role, Organisation, Purpose, ChildIds, BreakGlass, PreferenceOverridden, Outcome, OperationHash, Payload, PayloadDigest, PreviousHash, RecordHash];

    public static AuditRow From(AuditRecord record) => new()
    {
        Sequence = record.Sequence,
        RecordedAt = AuditCanonicalForm.FormatTime(record.Time),
        RequestId = record.RequestId,
        UserId = record.User,
        Role = record.Role,
        Organisation = record.Organisation,
        Purpose = record.Purpose,
        ChildIds = JsonSerializer.Serialize(record.ChildIds),
        BreakGlass = record.BreakGlass ? 1 : 0,
        PreferenceOverridden = record.PreferenceOverridden ? 1 : 0,
        Outcome = AuditCanonicalForm.OutcomeName(record.Outcome),
        OperationHash = record.OperationHash,
        Payload = record.PayloadJson,
        PayloadDigest = record.PayloadDigest,
        PreviousHash = record.PreviousHash,
        RecordHash = record.RecordHash,
    };

    public AuditRecord ToRecord() => new()
    {
        Sequence = Sequence,
        Time = AuditCanonicalForm.ParseTime(RecordedAt),
        RequestId = RequestId,
        User = UserId,
        Role = Role,
        Organisation = Organisation,
        Purpose = Purpose,
        ChildIds = ReadChildIds(ChildIds),
        BreakGlass = BreakGlass != 0,
        PreferenceOverridden = PreferenceOverridden != 0,
        Outcome = AuditCanonicalForm.ParseOutcome(Outcome),
        OperationHash = OperationHash,
        PayloadJson = Payload,
        Payload = AuditCanonicalForm.ReadPayload(Payload),
        PayloadDigest = PayloadDigest,
        PreviousHash = PreviousHash,
        RecordHash = RecordHash,
        RedactedAt = RedactedAt is null ? null : AuditCanonicalForm.ParseTime(RedactedAt),
    };

    internal static IReadOnlyList<string> ReadChildIds(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [$"(unreadable: {json})"];
        }
    }
}
