namespace ChildInfo.Audit.Records;

/// <summary>For one child touched by a request: what was shown and what was withheld.</summary>
public sealed record ChildDisclosure(string ChildId, IReadOnlyList<DisclosedField> Disclosed, IReadOnlyList<WithheldField> Withheld);
