namespace ChildInfo.Analytics.Sources;

/// <summary>One child in the population as at a date: the child index's id and the asked dimensions' values, in the order asked.</summary>
public sealed record PopulationChild(string ChildId, IReadOnlyList<string?> Values);
