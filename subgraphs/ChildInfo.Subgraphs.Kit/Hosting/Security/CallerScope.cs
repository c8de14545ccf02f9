using ChildInfo.Subgraphs.Contract;
using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// The record scope of one subgraph call, read from the verified context, and the relationship holders that put a
/// child in it: for <c>own_caseload</c> the caller's user id, and the team and organisation they act for; for
/// <c>own_school_roll</c> the school's URN; for <c>own_setting</c> the setting's URN. A call without a verified
/// context (a subgraph run without a context key, which it warns is for development only) is not restricted.
/// </summary>
public sealed record CallerScope(RecordScopeKind Kind, string? Rule, string User, string? Organisation, string? Team, string? School, string? Setting)
{
    /// <summary>No signed context: the subgraph runs without a context key and applies no scope.</summary>
    public static CallerScope Unrestricted { get; } = new(RecordScopeKind.Everyone, null, "", null, null, null, null) { Verified = false };

    /// <summary>True when the scope came from a verified context.</summary>
    public bool Verified { get; init; } = true;

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
        : new CallerScope(Parse(context.Scope), context.Rule, context.User, context.Organisation, context.Team, context.School, context.Setting);

    /// <summary>
    /// The (holder type, holder) pairs that put a child in an <c>own_caseload</c> scope: the user, and the team and
    /// organisation where the context names them.
    /// </summary>
    public IReadOnlyList<(string Type, string Holder)> CaseloadHolders()
    {
        var holders = new List<(string, string)> { (RelationshipHolderTypes.User, User) };
        if (Team is { Length: > 0 } team)
        {
            holders.Add((RelationshipHolderTypes.Team, team));
        }

        if (Organisation is { Length: > 0 } organisation)
        {
            holders.Add((RelationshipHolderTypes.Organisation, organisation));
        }

        return holders;
    }

    /// <summary>The school URN of an <c>own_school_roll</c> scope, if it names a number.</summary>
    public int? SchoolUrn => int.TryParse(School, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var urn) ? urn : null;

    /// <summary>The setting URN of an <c>own_setting</c> scope, if it names a number.</summary>
    public int? SettingUrn => int.TryParse(Setting, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var urn) ? urn : null;

    /// <summary>The error for a record outside this scope (<c>OUTSIDE_SCOPE</c>); it names no child.</summary>
    public ExecutionError OutsideScope(string? detail = null) =>
        OutsideScopeError.Create(this, detail ?? $"The record is outside the caller's scope ({Name}, rule {Rule ?? "none"}).");

    /// <summary>The error for a lookup this agency cannot decide for this scope: find the child through the child index.</summary>
    public ExecutionError CannotDecide(string agency) =>
        OutsideScopeError.Create(this, $"The {agency} subgraph cannot tell whether a record is in the caller's scope ({Name}, rule {Rule ?? "none"}): find the child through the child index (Query.child or Query.searchChildren).");

    /// <summary>Adds <paramref name="error"/> at the field being resolved, which still resolves (for example to an empty list).</summary>
    public static void Report(IResolveFieldContext context, ExecutionError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        error.Path = context.Path;
        context.Errors.Add(error);
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
