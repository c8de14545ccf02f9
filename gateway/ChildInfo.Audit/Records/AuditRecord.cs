namespace ChildInfo.Audit.Records;

/// <summary>
/// One sealed entry of the audit chain. The header (everything but the payload) is kept for ever and covered by
/// <see cref="RecordHash"/>; the payload is covered through <see cref="PayloadDigest"/> and may be removed by
/// retention (<see cref="Payload"/> is then null and <see cref="RedactedAt"/> says when).
/// </summary>
public sealed record AuditRecord
{
    public required long Sequence { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string RequestId { get; init; }
    public required string User { get; init; }
    public required string Role { get; init; }
    public required string Organisation { get; init; }
    public required string Purpose { get; init; }

    /// <summary>Every child the request touched, sorted, kept after retention so a child's history stays countable.</summary>
    public required IReadOnlyList<string> ChildIds { get; init; }

    public required bool BreakGlass { get; init; }
    public required bool PreferenceOverridden { get; init; }
    public required AuditOutcome Outcome { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the normalised operation text.</summary>
    public required string OperationHash { get; init; }

    /// <summary>The payload as stored (canonical JSON), or null once retention has removed it.</summary>
    public required string? PayloadJson { get; init; }

    /// <summary>The payload read from <see cref="PayloadJson"/>; null when removed or unreadable.</summary>
    public AuditPayload? Payload { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 bytes of <see cref="PayloadJson"/> as first written.</summary>
    public required string PayloadDigest { get; init; }

    public required string PreviousHash { get; init; }
    public required string RecordHash { get; init; }
    public DateTimeOffset? RedactedAt { get; init; }

    public string? Justification => Payload?.Justification;
    public string? OperationText => Payload?.OperationText;
    public bool IsRedacted => PayloadJson is null;
}
