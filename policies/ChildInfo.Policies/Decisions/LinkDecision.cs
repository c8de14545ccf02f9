namespace ChildInfo.Policies.Decisions;

/// <summary>Whether a link field (<c>Child.pupil</c>...) may be followed to another agency's record.</summary>
public sealed record LinkDecision(bool Allowed, string Code, string Reason, string? Rule, string LinkField, string? Agency);
