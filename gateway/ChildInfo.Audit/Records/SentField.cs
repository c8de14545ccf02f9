namespace ChildInfo.Audit.Records;

/// <summary>
/// A field of the child's record that the gateway sent from one service to another so that the other could work out
/// a field of its own (federation's <c>@requires</c>): its name, its classification label, the service that holds it
/// and the service it was sent to. Sent whether or not the caller was shown it, so it is listed apart from what was shown.
/// </summary>
public sealed record SentField(string Field, string Label, string Source, string SentTo);
