using ChildInfo.Subgraphs.ChildIndex.Children;

namespace ChildInfo.Subgraphs.ChildIndex.Search;

/// <summary>A possible match for a search, with its score (0–1) and the fields that agreed.</summary>
public sealed record ChildCandidate(IndexedChild Child, double Score, IReadOnlyList<string> MatchedOn);
