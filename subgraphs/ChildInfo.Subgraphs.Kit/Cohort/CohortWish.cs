namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// One recorded data-use wish, by the key of the record it was recorded on: what the gateway needs to honour it in
/// counts (the code, the data it covers, the purposes and agencies it keeps the data from), nothing the child said.
/// </summary>
public sealed record CohortWish(string LocalId, string Code, string DataCategory, IReadOnlyList<string> WithheldFromPurposes, IReadOnlyList<string> WithheldFromAgencies);
