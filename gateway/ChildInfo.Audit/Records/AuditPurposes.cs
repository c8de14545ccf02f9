namespace ChildInfo.Audit.Records;

/// <summary>Purposes the audit itself records, beside those the policies define.</summary>
public static class AuditPurposes
{
    /// <summary>A read of the audit (a child's access report, verification, the review queue): oversight of how children's information is used.</summary>
    public const string Oversight = "audit_oversight";

    /// <summary>A request that declared no purpose (refused before any information was read).</summary>
    public const string None = "none";
}
