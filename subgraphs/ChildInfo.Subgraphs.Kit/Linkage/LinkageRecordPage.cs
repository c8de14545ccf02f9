namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>One page of an agency's records for linkage, in local id order.</summary>
/// <param name="Records">The page's records.</param>
/// <param name="Next">The cursor to pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record LinkageRecordPage(IReadOnlyList<LinkageIdentity> Records, string? Next);
