using ChildInfo.Audit.Records;

namespace ChildInfo.Gateway.Audit;

/// <summary>What one executed response disclosed, read from the engine's merged result as it was written.</summary>
/// <param name="Children">Each child touched with the fields disclosed about it (<see cref="ChildDisclosureWalker"/>).</param>
/// <param name="ChildByPath">
/// The child each object of the response belongs to, by response path (<see cref="ChildDisclosureWalker.PathKey"/>):
/// read only when the record guard reported something, to say whose record a set-aside preference was on.
/// </param>
/// <param name="Recorded">What each child's recordings were (<see cref="ChildDisclosureWalker"/>); empty for a request that only read.</param>
/// <param name="Sent">What of each child's record was sent from one service to another to compute a field; null or empty for none.</param>
public sealed record ResponseDisclosure(
    IReadOnlyDictionary<string, List<DisclosedField>> Children,
    IReadOnlyDictionary<string, string>? ChildByPath,
    IReadOnlyDictionary<string, List<RecordedField>> Recorded,
    IReadOnlyDictionary<string, List<SentField>>? Sent = null);
