namespace ChildInfo.Linkage.Store;

/// <summary>What linking one record between runs decided and wrote.</summary>
/// <param name="UpdateId">The row written to <c>ci_link_update</c>.</param>
/// <param name="LinkId">The record's link id (how the index and the audit name the record without its local id).</param>
/// <param name="Outcome"><see cref="Linked"/>, <see cref="OwnChild"/> or <see cref="ForReview"/>.</param>
/// <param name="ChildId">The record's child now.</param>
/// <param name="Method">The index's word for how it was linked (NHS_NUMBER, UPN, DEMOGRAPHIC, CLERICAL, SOLE_RECORD).</param>
/// <param name="Confidence">How sure the link is (1 for an identifier, a reviewer or a sole record).</param>
/// <param name="NewChild">True when the record's child was created for it.</param>
/// <param name="Moved">True when the record left the child it was linked to before.</param>
/// <param name="RemovedChild">True when the child it left has no record any more and was removed.</param>
/// <param name="MovedRelationships">Its agency's relationships that moved with it.</param>
/// <param name="Review">Pairs with the record put to a reviewer.</param>
/// <param name="Candidates">Stored records it was compared with.</param>
public sealed record OneRecordLinkSummary(
    string UpdateId,
    string LinkId,
    string Outcome,
    string ChildId,
    string Method,
    double Confidence,
    bool NewChild,
    bool Moved,
    bool RemovedChild,
    int MovedRelationships,
    int Review,
    int Candidates)
{
    /// <summary>Linked to an existing child.</summary>
    public const string Linked = "linked";

    /// <summary>Like no existing child: a child of its own.</summary>
    public const string OwnChild = "own_child";

    /// <summary>A child of its own for now, with pairs waiting for a reviewer.</summary>
    public const string ForReview = "review";
}
