namespace ChildInfo.Audit.Records;

/// <summary>A field that was shown: its name, its classification label and the service it came from.</summary>
public sealed record DisclosedField(string Field, string Label, string Source);
