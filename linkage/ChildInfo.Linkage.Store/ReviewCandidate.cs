using ChildInfo.Linkage.Linking;

namespace ChildInfo.Linkage.Store;

/// <summary>A pair waiting for a reviewer, as the last run left it: its short id, the two records and the evidence.</summary>
/// <param name="PairId">A short stable id of the pair (<c>R-…</c>), for naming it to accept or reject.</param>
public sealed record ReviewCandidate(string PairId, string RecordA, string RecordB, double Probability, double MatchWeight, IReadOnlyList<FieldEvidence> Evidence);
