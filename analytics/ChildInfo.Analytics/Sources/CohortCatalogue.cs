namespace ChildInfo.Analytics.Sources;

/// <summary>
/// What questions can be asked about: each agency's facts (by agency, as <c>_cohortFacts</c> gives them) and the
/// child index's dimensions (<c>_cohortDimensions</c>, all as at the question's date).
/// </summary>
public sealed record CohortCatalogue
{
    /// <summary>The label every question reads: the child index's linkage and population.</summary>
    public const string LinkageLabel = "linkage";

    /// <summary>Facts by agency (the child index's source system name).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<CohortFact>> Agencies { get; init; }

    /// <summary>The child index's dimensions (age band, sex, ethnicity group, ward, LSOA, IDACI decile).</summary>
    public required IReadOnlyList<CohortFact> IndexDimensions { get; init; }

    /// <summary>An agency's fact by name, if the agency lists it.</summary>
    public CohortFact? FactOf(string agency, string fact) =>
        Agencies.TryGetValue(agency, out var facts) ? facts.FirstOrDefault(f => string.Equals(f.Name, fact, StringComparison.Ordinal)) : null;

    /// <summary>An index dimension by name, if the child index lists it.</summary>
    public CohortFact? IndexDimensionOf(string name) => IndexDimensions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
