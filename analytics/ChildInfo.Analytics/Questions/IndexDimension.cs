namespace ChildInfo.Analytics.Questions;

/// <summary>A child index dimension (age_band, sex, ethnicity_group, ward, lsoa, idaci_decile), as at the question's date.</summary>
public sealed record IndexDimension(string Name) : CohortDimension;
