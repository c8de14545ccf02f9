namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// The longest text an agency's tables hold for a recording, so that what does not fit is refused with a clear error
/// before anything is written (never cut short, never a database error). <see cref="Default"/> is what the shared
/// input types allow (<see cref="RecordingLimits"/>); an agency with narrower columns gives its own.
/// </summary>
/// <param name="Words">The child's words, and their wishes and feelings.</param>
/// <param name="Setting">Where it was heard.</param>
/// <param name="Method">How it was heard.</param>
/// <param name="Statement">A wish, in the words it was given.</param>
/// <param name="RecordedBy">Who recorded it (<see cref="RecordingScope.RecordedBy"/>).</param>
/// <param name="IdList">The purposes or the agencies a wish names, written comma-separated.</param>
/// <param name="RowId">A new row's id (<see cref="NewId"/>).</param>
/// <param name="OwnerId">The record's key (UPN, LA child ID...).</param>
public sealed record AgencyRecordingLimits(int Words, int Setting, int Method, int Statement, int RecordedBy, int IdList, int RowId, int OwnerId)
{
    /// <summary>What the shared input types allow, and children's social care's columns hold.</summary>
    public static AgencyRecordingLimits Default { get; } = new(
        RecordingLimits.Words, RecordingLimits.Short, RecordingLimits.Short, RecordingLimits.Words, 300, 300, 48, 48);

    /// <summary>
    /// A new row id: the prefix and random hex digits, as many as <see cref="RowId"/> leaves room for (at least 80 bits'
    /// worth), so it is unguessable and never reused.
    /// </summary>
    public string NewId(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var random = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var length = Math.Min(random.Length, RowId - prefix.Length - 1);
        return length < 20
            ? throw new InvalidOperationException($"A row id of {RowId} characters leaves too little room for a random part after '{prefix}-'.")
            : $"{prefix}-{random[..length]}";
    }
}
