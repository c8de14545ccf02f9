namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// Where an agency keeps the child's words and the family's data-use wishes: its own tables and column names, read by
/// its reads, so that <see cref="RecordingWriter"/> writes what the next read returns. Names are the agency's schema's
/// (never caller text), written into SQL as they are.
/// </summary>
/// <param name="Voice">The voice table.</param>
/// <param name="Wish">The data-use wish table.</param>
/// <param name="Limits">What the columns hold.</param>
/// <param name="EmptyListsAsNull">Whether a wish naming no purposes (or no agencies) is written as NULL (else an empty string).</param>
public sealed record RecordingTables(VoiceColumns Voice, WishColumns Wish, AgencyRecordingLimits Limits, bool EmptyListsAsNull);

/// <summary>The columns of an agency's voice table.</summary>
public sealed record VoiceColumns(
    string Table, string Id, string Owner, string RecordedOn, string Words, string WishesAndFeelings, string RecordedBy, string Setting, string Method);

/// <summary>The columns of an agency's data-use wish table.</summary>
public sealed record WishColumns(
    string Table, string Id, string Owner, string Code, string DataCategory, string WithheldFromPurposes, string WithheldFromAgencies,
    string ExpressedBy, string Statement, string RecordedOn, string RecordedBy);
