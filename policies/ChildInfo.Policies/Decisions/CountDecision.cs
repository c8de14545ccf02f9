namespace ChildInfo.Policies.Decisions;

/// <summary>
/// Whether an aggregate question may count by a label, or link the agencies it names; an aggregate question is
/// refused as a whole when any of its decisions is not allowed, so nothing is counted from a part of it.
/// </summary>
public sealed record CountDecision(bool Allowed, string Code, string Reason, string? Rule);
