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
    SourceLocation Location)
{
    /// <summary>
    /// Labels the rule may record on a child's behalf, into the record of the agency that owns it: the fields of the
    /// mutation root type (<c>Mutation.recordChildVoice</c>...) are decided on these, not on <see cref="Visible"/>.
    /// </summary>
    public ImmutableArray<string> Records { get; init; } = [];

    /// <summary>
    /// Labels whose data an aggregate question may count children by (as a condition, a dimension or a measure):
    /// only under an aggregate-only purpose, whose answers pass disclosure control.
    /// </summary>
    public ImmutableArray<string> Counts { get; init; } = [];

    /// <summary>Agencies whose data one aggregate question may link through the child index; one agency alone needs none.</summary>
    public ImmutableArray<string> Combine { get; init; } = [];

    /// <summary>Agencies whose records' identifying fields the linkage job may read under a linkage-only purpose.</summary>
    public ImmutableArray<string> Identify { get; init; } = [];
}
