namespace ChildInfo.Linkage.Store;

/// <summary>What one run wrote to the child index.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Children">Children in the index after the run.</param>
/// <param name="NewChildren">Of those, children given a new id (no record of theirs was linked before).</param>
/// <param name="RemovedChildren">Children of the previous index that no record belongs to any more.</param>
/// <param name="MovedRecords">Records now linked to a different child than before.</param>
/// <param name="MovedRelationships">Relationships that followed a moved record to its new child.</param>
/// <param name="Links">Record links written (one per record).</param>
/// <param name="Review">Pairs left for review.</param>
public sealed record LinkageWriteSummary(string RunId, int Children, int NewChildren, int RemovedChildren, int MovedRecords, int MovedRelationships, int Links, int Review);
