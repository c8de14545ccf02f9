namespace ChildInfo.Audit.Records;

/// <summary>
/// Something a request asked to record on the child's behalf (a mutation such as <c>Mutation.recordDataUseWish</c>):
/// its field, its classification label, the service that holds the record, and whether it was written. A recording
/// refused by the policies or by the service, or that failed, is kept with <paramref name="Written"/> false, so the
/// child is told it was asked for and nothing was recorded.
/// </summary>
public sealed record RecordedField(string Field, string Label, string Source, bool Written);
