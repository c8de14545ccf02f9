using System.Collections;
using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Validation;

namespace ChildInfo.Analytics.Evaluation;

/// <summary>
/// What a question's evaluation works on: the population as at its date (children by position), which of those
/// positions count (<paramref name="Included"/>: not a repeated or empty id, not a child whose family's wishes keep
/// them out), and, for each member request, the records linked to a child in that population. Records that link to
/// no child, or to a child outside the population (over 18, not yet born), are already gone.
/// </summary>
internal sealed record CohortData(CohortPopulation Population, BitArray Included, IReadOnlyDictionary<MemberRequest, LinkedMember[]> Members);
