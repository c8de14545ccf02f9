namespace ChildInfo.Policies.Model;

/// <summary>
/// A classification label. <see cref="RowLevel"/> labels describe an individual child (everything except reference
/// data about institutions); aggregate-only purposes never see them.
/// </summary>
public sealed record Label(string Id, string Description, bool RowLevel, SourceLocation Location);
