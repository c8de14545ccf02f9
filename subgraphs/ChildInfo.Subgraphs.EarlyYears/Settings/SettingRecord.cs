namespace ChildInfo.Subgraphs.EarlyYears.Settings;

/// <summary>A row of EY_SETTING.</summary>
public sealed class SettingRecord
{
    public int Urn { get; init; }
    public required string Name { get; init; }
    public required string SettingType { get; init; }
    public string? Postcode { get; init; }
}
