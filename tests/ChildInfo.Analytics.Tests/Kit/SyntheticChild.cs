namespace ChildInfo.Analytics.Tests.Kit;

/// <summary>A synthetic child as the child index holds it. <see cref="Ward"/> is null for a child with no known postcode.</summary>
internal sealed record SyntheticChild(string Id, DateOnly Born, string Sex, string Ethnicity, string? Ward);
