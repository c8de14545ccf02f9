using System.Collections.Immutable;

namespace ChildInfo.Registry;

/// <summary>The stored form of a snapshot, the same in a file and in Redis. <see cref="Format"/> allows a later change of shape.</summary>
internal sealed record RegistryDocument(int Format, long Revision, ImmutableArray<SubgraphEntry> Subgraphs);
