using System.Collections.Immutable;

namespace ChildInfo.Policies.Model;

/// <summary>What one role sees and links under one purpose.</summary>
/// <param name="Id">Stable rule id, <c>role/purpose</c>, reported with every decision.</param>
/// <param name="Visible">Labels whose fields may be seen; a field is visible only if all its labels are.</param>
/// <param name="Denied">Labels the rule names as never visible (documentation that validation checks).</param>
/// <param name="Links">Link fields (<c>Child.pupil</c>...) that may be followed.</param>
public sealed record PolicyRule(
    string Id,
    string Role,
    string Purpose,
    ImmutableArray<string> Visible,
    ImmutableArray<string> Denied,
    ImmutableArray<string> Links,
    RecordScope Scope,
    bool BreakGlass,
    PreferenceHandling Preferences,
    string Note,
    SourceLocation Location);
