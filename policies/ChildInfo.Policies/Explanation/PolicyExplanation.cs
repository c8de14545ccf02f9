using System.Collections.Immutable;

namespace ChildInfo.Policies.Explanation;

/// <summary>What a role sees and links under a purpose, and why: for a data protection officer, a command or an API.</summary>
public sealed record PolicyExplanation(
    string Role,
    string RoleDescription,
    string Purpose,
    string PurposeDescription,
    bool Permitted,
    string Summary,
    ImmutableArray<string> AllowedPurposes,
    string LegalBasis,
    bool JustificationRequired,
    bool AggregateOnly,
    string? Rule,
    string Note,
    string RecordScope,
    bool BreakGlass,
    ImmutableArray<LabelExplanation> Visible,
    ImmutableArray<LabelExplanation> Withheld,
    ImmutableArray<LinkExplanation> Links,
    ImmutableArray<string> HonouredPreferences,
    bool OverridesPreferences);

/// <summary>A label, its meaning, why it is visible or not, and the field coordinates that carry it.</summary>
public sealed record LabelExplanation(string Label, string Description, string Reason, ImmutableArray<string> Fields);

/// <summary>A link field, the agency it reaches, and whether it may be followed.</summary>
public sealed record LinkExplanation(string LinkField, string Agency, bool Allowed, string Reason);
