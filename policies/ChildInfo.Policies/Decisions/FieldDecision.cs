namespace ChildInfo.Policies.Decisions;

/// <summary>
/// Whether a field may be served, with a stable code, a plain reason, and the rule and label that decided it.
/// Decisions are computed when the policy set is compiled and shared: looking one up allocates nothing.
/// </summary>
public sealed record FieldDecision(bool Allowed, string Code, string Reason, string? Rule, string? Label);
