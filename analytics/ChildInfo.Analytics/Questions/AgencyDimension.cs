namespace ChildInfo.Analytics.Questions;

/// <summary>
/// An agency's dimension fact in a window. A child with several records of different values is counted under the
/// value listed first in the agency's catalogue (its own order, often severity or priority), so the choice never
/// depends on the order records arrive in.
/// </summary>
public sealed record AgencyDimension(string Agency, string Fact, CohortWindow Window) : CohortDimension;
