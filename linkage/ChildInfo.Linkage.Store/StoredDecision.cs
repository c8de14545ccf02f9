namespace ChildInfo.Linkage.Store;

/// <summary>A reviewer's decision as kept: the pair, accept or reject, who, why and when.</summary>
public sealed record StoredDecision(string RecordA, string RecordB, bool Accepted, string Reviewer, string Reason, DateTimeOffset DecidedAt);
