using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;

namespace ChildInfo.Analytics.Tests.Kit;

/// <summary>
/// One agency fact of the synthetic authority: its catalogue entry and how the agency would evaluate it on one record
/// (the row it returns, or null when the record does not satisfy it). The agency's SQL does this in a real subgraph.
/// </summary>
internal sealed record SyntheticFact(CohortFact Definition, Func<SyntheticRecord, CohortWindow, string?, CohortMember?> Evaluate);
