using ChildInfo.Subgraphs.Contract;
using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// The record scope of one subgraph call, read from the verified context, and the relationship holders that put a
/// child in it: for <c>own_caseload</c> the caller's user id, and the team and organisation they act for; for
/// <c>own_school_roll</c> the school's URN; for <c>own_setting</c> the setting's URN; and the links the rule may follow.
/// A call without a verified context (a subgraph run without a context key, which it warns is for development only) is
/// not restricted.
/// </summary>
public sealed record CallerScope(RecordScopeKind Kind, string? Rule, string User, string? Organisation, string? Team, string? School, string? Setting)
{
    /// <summary>No signed context: the subgraph runs without a context key and applies no scope.</summary>
    public static CallerScope Unrestricted { get; } = new(RecordScopeKind.Everyone, null, "", null, null, null, null) { Verified = false };

    /// <summary>True when the scope came from a verified context.</summary>
    public bool Verified { get; init; } = true;

    /// <summary>The link fields (<c>Child.pupil</c>...) the bound rule may follow, as the verified context lists them.</summary>
    public IReadOnlySet<string> Links { get; init; } = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>True when every child's record is in scope.</summary>
    public bool IsEveryone => Kind == RecordScopeKind.Everyone;

    /// <summary>The scope as the policies spell it (<c>own_caseload</c>...).</summary>
    public string Name => Kind switch
    {
        RecordScopeKind.OwnCaseload => "own_caseload",
        RecordScopeKind.OwnSchoolRoll => "own_school_roll",
        RecordScopeKind.OwnSetting => "own_setting",
        RecordScopeKind.Everyone => "everyone",
        _ => "unknown",
    };

    /// <summary>The scope of the call being resolved.</summary>
    public static CallerScope From(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return From(SubgraphContextIdentity.Find(context.User));
    }

    /// <summary>The scope a verified context carries; <see cref="Unrestricted"/> when there is none.</summary>
    public static CallerScope From(SubgraphContext? context) => context is null
        ? Unrestricted
        : new CallerScope(Parse(context.Scope), context.Rule, context.User, context.Organisation, context.Team, context.School, context.Setting)
        {
            Links = context.Links,
        };

    /// <summary>
    /// The (holder type, holder) pairs that put a child in an <c>own_caseload</c> scope: the user, and the team and
    /// organisation where the context names them.
    /// </summary>
    public IReadOnlyList<(string Type, string Holder)> CaseloadHolders()
    {
        var holders = new List<(string, string)> { (RelationshipHolderTypes.User, User) };
        if (Team is { Length: > 0 } team)
            holders.Add((RelationshipHolderTypes.Team, team));
        if (Organisation is { Length: > 0 } organisation)
            holders.Add((RelationshipHolderTypes.Organisation, organisation));
        return holders;
    }

    /// <summary>The school URN of an <c>own_school_roll</c> scope, if it names a number.</summary>
    public int? SchoolUrn => int.TryParse(School, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var urn) ? urn : null;

    /// <summary>The setting URN of an <c>own_setting</c> scope, if it names a number.</summary>
    public int? SettingUrn => int.TryParse(Setting, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var urn) ? urn : null;

    /// <summary>The error for a record outside this scope (<c>OUTSIDE_SCOPE</c>); it names no child.</summary>
    public ExecutionError OutsideScope(string? detail = null) =>
        OutsideScopeError.Create(this, detail ?? $"The record is outside the caller's scope ({Name}, rule {Rule ?? "none"}).");

    /// <summary>
    /// The error for a record an agency cannot place in or out of this scope with its own records (an early years
    /// service does not know a social worker's caseload): it answers for none of its records under this scope, on any
    /// path (root lookups and <c>_entities</c> alike). The message is the same whatever was asked for.
    /// </summary>
    public ExecutionError CannotDecide(string agency) =>
        OutsideScopeError.Create(this, $"The {agency} subgraph cannot decide the caller's record scope ({Name}, rule {Rule ?? "none"}) with its own records, so it answers for none of them under it; the child index (Query.child, Query.searchChildren) decides this scope.");

    /// <summary>
    /// The notice on a list that only ever holds records in this scope (a search): it says that results may be limited
    /// by scope and never whether, or how many, records were left out, so it is the same whether none or many were.
    /// </summary>
    public ExecutionError ResultsLimited() =>
        OutsideScopeError.Create(this, $"Results are limited to the caller's record scope ({Name}, rule {Rule ?? "none"}): records outside it are never listed, and whether any matched is not said.");

    /// <summary>Adds <paramref name="error"/> at the field being resolved, which still resolves (for example to an empty list).</summary>
    public static void Report(IResolveFieldContext context, ExecutionError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        error.Path = context.Path;
        context.Errors.Add(error);
    }

    /// <summary>Adds the <see cref="ResultsLimited"/> notice at the field being resolved, for every scope but everyone's.</summary>
    public void ReportResultsLimited(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsEveryone)
            Report(context, ResultsLimited());
    }

    private static RecordScopeKind Parse(string? scope) => scope switch
    {
        "OwnCaseload" or "own_caseload" => RecordScopeKind.OwnCaseload,
        "OwnSchoolRoll" or "own_school_roll" => RecordScopeKind.OwnSchoolRoll,
        "OwnSetting" or "own_setting" => RecordScopeKind.OwnSetting,
        "Everyone" or "everyone" => RecordScopeKind.Everyone,
        _ => RecordScopeKind.Unknown,
    };
}
