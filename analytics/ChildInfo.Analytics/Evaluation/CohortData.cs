using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Validation;

namespace ChildInfo.Analytics.Evaluation;

/// <summary>
/// What a question's evaluation works on: the population as at its date (children by position) and, for each member
/// request, the records linked to a child in that population. Records that link to no child, or to a child outside
/// the population (over 18, not yet born), are already gone.
/// </summary>
internal sealed record CohortData(IReadOnlyList<PopulationChild> Population, IReadOnlyDictionary<MemberRequest, LinkedMember[]> Members);
