using ChildInfo.Analytics.Questions;

namespace ChildInfo.Analytics.Sources;

/// <summary>
/// What the library needs from the agencies and the child index; the host implements it over the federation-only
/// fields (<c>_cohortFacts</c>, <c>_cohortMembers</c>, <c>_cohortDimensions</c>, <c>_cohortLinks</c>,
/// <c>_cohortPopulation</c>) with a context that carries only <c>count:</c> labels. Agencies are named by the child
/// index's source system (<c>education</c>, <c>social-care</c>…), the name <see cref="LinksAsync"/> takes.
/// </summary>
public interface ICohortSource
{
    /// <summary>The agencies' facts and the child index's dimensions.</summary>
    Task<CohortCatalogue> CatalogueAsync(CancellationToken ct);

    /// <summary>The agency's records satisfying one fact in one window: record keys, with a group or measure when the fact has one.</summary>
    Task<IReadOnlyList<CohortMember>> MembersAsync(string agency, string fact, string? value, CohortWindow window, CancellationToken ct);

    /// <summary>
    /// The child each of the agency's local ids is linked to: <paramref name="link"/> is called with the local id and
    /// the child id for each linked id, as the answers arrive, so that the caller keeps only what it needs of them;
    /// ids with no link are not reported. Called once per agency per question with distinct ids, possibly millions:
    /// the implementation splits the call if the child index limits its size, and calls <paramref name="link"/> from
    /// one call at a time.
    /// </summary>
    Task LinksAsync(string agency, IReadOnlyCollection<string> localIds, Action<string, string> link, CancellationToken ct);

    /// <summary>
    /// The agency's records whose child's or family's data-use wishes keep them out of this question: those with a wish
    /// that the purpose honours and that covers any of <paramref name="labels"/> (the labels of the agency's facts the
    /// question reads). The children those records are linked to are left out of the whole question, cohort and
    /// population alike, so that a <c>not</c> cannot count them back in. Deciding which wishes apply is the host's
    /// policy; a source that cannot read an agency's wishes must throw rather than answer none.
    /// </summary>
    Task<IReadOnlyCollection<string>> WithheldAsync(string agency, IReadOnlyList<string> labels, CancellationToken ct);

    /// <summary>Every child in the population as at a date (born on or before it, under 18 on it), with the index dimensions asked, in their order.</summary>
    Task<CohortPopulation> PopulationAsync(DateOnly asAt, IReadOnlyList<string> dimensions, CancellationToken ct);
}
