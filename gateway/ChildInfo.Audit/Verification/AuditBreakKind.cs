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

    /// <summary>A genuine checkpoint or retention statement vouches for a different hash than the record now has: the chain was rebuilt.</summary>
    CheckpointMismatch,

    /// <summary>A genuine signed statement (head, head file, checkpoint, retention) vouches for a record that is no longer there: records were cut from the end.</summary>
    TruncatedLog,

    /// <summary>The signed head (the database's head row, or the head file) is gone although the log has been written to.</summary>
    HeadMissing,

    /// <summary>The head row or head file is not signed with the configured key (forged, altered, reset, or another key's).</summary>
    BadHeadSignature,

    /// <summary>A genuine signed head vouches for a different hash than the record at its place: the end of the chain was rebuilt.</summary>
    HeadMismatch,

    /// <summary>Records follow the last record the gateway signed a head for: they were added outside the gateway.</summary>
    UnanchoredRecords,

    /// <summary>A record's details are missing and no retention statement covers it: they were removed by hand.</summary>
    RemovedWithoutRetention,

    /// <summary>A retention statement's signature is not genuine.</summary>
    BadRetentionSignature,

    /// <summary>The children's index (what each child's report reads) does not list exactly the children a record's sealed header names.</summary>
    ChildIndexMismatch,
}
