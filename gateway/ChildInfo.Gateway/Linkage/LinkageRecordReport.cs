namespace ChildInfo.Gateway.Linkage;

/// <summary>What linking one record decided, naming no child: the record by its link id, not its local id.</summary>
/// <param name="Outcome"><c>linked</c> (to an existing child), <c>own_child</c> or <c>review</c> (its own child for now, pairs waiting for a reviewer).</param>
/// <param name="Method">The index's word for the link (NHS_NUMBER, UPN, DEMOGRAPHIC, CLERICAL, SOLE_RECORD).</param>
/// <param name="Confidence">How sure the link is, from 0 to 1.</param>
/// <param name="NewChild">A child was created for the record.</param>
/// <param name="Moved">The record left the child it was linked to before.</param>
/// <param name="RemovedChild">The child it left had no other record and is gone.</param>
/// <param name="Review">Pairs put to a reviewer.</param>
/// <param name="Candidates">Stored records it was compared with.</param>
public sealed record LinkageRecordReport(
    string UpdateId,
    string Agency,
    string LinkId,
    string Outcome,
    string Method,
    double Confidence,
    bool NewChild,
    bool Moved,
    bool RemovedChild,
    int Review,
    int Candidates,
    double ReadSeconds,
    double LinkSeconds);
