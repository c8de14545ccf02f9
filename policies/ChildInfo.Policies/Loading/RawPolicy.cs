using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Loading;

/// <summary>Everything read from the files, with locations, before cross-references are checked.</summary>
internal sealed class RawPolicy
{
    public List<(Located Id, string Description, bool RowLevel)> Labels { get; } = [];
    public List<Located> Agencies { get; } = [];
    public List<(Located Field, Located Agency)> Links { get; } = [];
    public List<(Located Category, List<Located> Labels)> PreferenceCategories { get; } = [];
    public List<(Located Id, string Description, string LegalBasis, bool Justification, bool Aggregate, bool Override, bool Linkage)> Purposes { get; } = [];
    public List<(Located Id, string Description, Located Agency, List<Located> Purposes)> Roles { get; } = [];
    public List<(Located Field, List<Located> Labels)> Classifications { get; } = [];
    public List<RawRule> Rules { get; } = [];
    public SourceLocation FirstClassifications { get; set; } = SourceLocation.None;
    public bool? Strict { get; set; }
    public string? Version { get; set; }
}

internal sealed class RawRule
{
    public SourceLocation Location { get; init; }
    public Located? Role { get; set; }
    public Located? Purpose { get; set; }
    public List<Located> Visible { get; } = [];
    public List<Located> Denied { get; } = [];
    public List<Located> Links { get; } = [];
    public List<Located> Records { get; } = [];
    public List<Located> Counts { get; } = [];
    public List<Located> Combine { get; } = [];
    public List<Located> Identify { get; } = [];
    public Located? Scope { get; set; }
    public bool BreakGlass { get; set; }
    public SourceLocation BreakGlassLocation { get; set; }
    public List<Located>? Honoured { get; set; }
    public bool Override { get; set; }
    public SourceLocation OverrideLocation { get; set; }
    public string Note { get; set; } = "";
}
