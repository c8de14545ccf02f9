namespace ChildInfo.Audit.Records;

/// <summary>What a record holds for a caller the gateway could not identify.</summary>
public static class AuditCallers
{
    /// <summary>The user, role or organisation of a request whose caller could not be identified.</summary>
    public const string Unidentified = "unidentified";
}
