namespace ChildInfo.Audit.Verification;

/// <summary>What kind of damage the verifier found at the first broken link.</summary>
public enum AuditBreakKind
{
    /// <summary>A record's contents no longer match its hash, or its details no longer match their digest.</summary>
    AlteredRecord,

    /// <summary>A sequence number is missing: a record was deleted.</summary>
    MissingRecord,

    /// <summary>A record sits at another record's place: records were swapped or moved.</summary>
    ReorderedRecords,

    /// <summary>A record does not name its predecessor's hash: the one before it was rewritten and re-hashed.</summary>
    BrokenLink,

    /// <summary>A checkpoint's signature is not genuine (forged, altered, or signed with another key).</summary>
    BadCheckpointSignature,

    /// <summary>A genuine checkpoint vouches for a different hash than the record now has: the chain was rebuilt.</summary>
    CheckpointMismatch,

    /// <summary>A genuine checkpoint vouches for a record that is no longer there: records were cut from the end.</summary>
    TruncatedLog,
}
