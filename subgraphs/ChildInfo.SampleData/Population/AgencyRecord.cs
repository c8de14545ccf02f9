namespace ChildInfo.SampleData.Population;

/// <summary>
/// A child as one agency holds them: the agency's own identifier and the identity it recorded, with the
/// identifier problems that were introduced kept as ground truth for measuring linkage later.
/// </summary>
public sealed record AgencyRecord(string LocalId, Identity Recorded, IReadOnlyList<string> IdentityIssues);
