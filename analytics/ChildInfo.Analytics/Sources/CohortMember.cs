namespace ChildInfo.Analytics.Sources;

/// <summary>
/// One agency record that satisfies a fact: its local id (as the child index holds it), and the record's group
/// (dimension facts) or measure (measure and events facts). Never a name or any other value.
/// </summary>
public sealed record CohortMember(string LocalId, string? Group = null, double? Measure = null);
