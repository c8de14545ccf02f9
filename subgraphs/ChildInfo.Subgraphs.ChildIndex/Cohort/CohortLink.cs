namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>One agency record key and the child it is linked to.</summary>
public sealed record CohortLink(string LocalId, string ChildId);
