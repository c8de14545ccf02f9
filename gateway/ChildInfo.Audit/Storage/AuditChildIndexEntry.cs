namespace ChildInfo.Audit.Storage;

/// <summary>One row of the children's index (<c>audit_record_child</c>): record <see cref="Sequence"/> touched <see cref="ChildId"/>.</summary>
public readonly record struct AuditChildIndexEntry(long Sequence, string ChildId);
