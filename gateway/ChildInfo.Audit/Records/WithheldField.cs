namespace ChildInfo.Audit.Records;

/// <summary>
/// A field that was asked for and not shown, with the policy's stable code and its plain reason.
/// Label and source are absent when the field was refused before it could be classified.
/// </summary>
public sealed record WithheldField(string Field, string? Label, string? Source, string Code, string Reason);
