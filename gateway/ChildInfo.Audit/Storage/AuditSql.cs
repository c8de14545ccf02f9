namespace ChildInfo.Audit.Storage;

/// <summary>The statements that differ between databases; everything else is shared by <see cref="SqlAuditStore"/>.</summary>
internal sealed record AuditSql
{
    /// <summary>Creates tables and indexes if missing, and the chain head row.</summary>
    public required IReadOnlyList<string> Create { get; init; }

    /// <summary>Reads (last_sequence, last_hash) of the head row and holds a write lock on it until commit.</summary>
    public required string LockHead { get; init; }

    /// <summary>
    /// Wraps a filtered, ordered selection in a row limit: {0} is the column list, {1} the WHERE clause, with
    /// <c>@limit</c> as parameter.
    /// </summary>
    public required string Page { get; init; }

    /// <summary>A boolean literal for true in this dialect's column type.</summary>
    public string True { get; init; } = "1";
}
