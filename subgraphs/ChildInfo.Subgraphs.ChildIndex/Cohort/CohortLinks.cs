namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>
/// Agency record keys and the child each is linked to, as two columns of equal length: the i-th key is linked to the
/// i-th child. A column of ids is one list value for GraphQL to write, where a list of pairs is an object and two
/// fields per key (at 1,000,000 keys about 1.5 s of execution against 30 ms).
/// </summary>
public sealed record CohortLinks(IReadOnlyList<string> LocalIds, IReadOnlyList<string> ChildIds);
