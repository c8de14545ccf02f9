namespace ChildInfo.Subgraphs.EarlyYears.Settings;

/// <summary>A row of EY_CHILD_SETTING: a spell at a setting.</summary>
public sealed class SettingSpellRecord
{
    public required string EyChildId { get; init; }
    public int Urn { get; init; }
    public DateTime StartDate { get; init; }
    public DateTime? LeavingDate { get; init; }
}
