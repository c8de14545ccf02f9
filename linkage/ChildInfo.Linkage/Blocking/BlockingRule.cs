namespace ChildInfo.Linkage.Blocking;

/// <summary>One way records are brought together for comparing: the fields its keys join.</summary>
/// <param name="Prefix">What its keys start with (before a colon), for example <c>ds</c>.</param>
/// <param name="Description">The fields, in words.</param>
public sealed record BlockingRule(string Prefix, string Description);
