namespace ChildInfo.Disclosure.Tables;

/// <summary>A grouping of the table (age band, ward, category of abuse…) and its categories, in the order shown.</summary>
public sealed record Dimension(string Name, IReadOnlyList<string> Categories);
