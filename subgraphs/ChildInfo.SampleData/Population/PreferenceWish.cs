namespace ChildInfo.SampleData.Population;

/// <summary>
/// A data-use wish of the child or family, recorded by <paramref name="HeldBy"/> (an <see cref="Agency"/> name).
/// Codes: NO_RESEARCH_USE, NOT_WITH_EDUCATION, NOT_WITH_SOCIAL_CARE, NOT_WITH_VOLUNTARY_SECTOR, NOT_WITH_EARLY_YEARS.
/// </summary>
public sealed record PreferenceWish(
    string HeldBy,
    string Code,
    string DataCategory,
    string WithheldFromPurposes,
    string WithheldFromAgencies,
    string ExpressedBy,
    string Statement,
    DateOnly RecordedOn);
