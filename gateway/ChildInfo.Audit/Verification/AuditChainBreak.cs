namespace ChildInfo.Audit.Verification;

/// <summary>The first broken link: where, what kind, and a plain explanation for the data protection officer.</summary>
public sealed record AuditChainBreak(long Sequence, AuditBreakKind Kind, string Explanation);
