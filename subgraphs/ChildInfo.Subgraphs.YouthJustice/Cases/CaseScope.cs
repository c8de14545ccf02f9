using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// Record scope in youth justice, decided with what the case management system holds: allocations. <c>own_caseload</c>
/// reaches an open case allocated to the caller or to the team they act for; <c>everyone</c> (and break-glass, which
/// the gateway signs as everyone) reaches all. The service does not know school rolls or early years settings, so
/// under those scopes it answers for no case, whether asked by case id (<c>Query.youthJusticeCase</c>), by key
/// (<c>_entities</c> of a <c>YouthJusticeCase</c>) or through a child (<c>Child.youthJustice</c>).
/// </summary>
internal sealed class CaseScope() : AgencyRecordScope("youth-justice")
{
    public static CaseScope Instance { get; } = new();

    public override bool Decides(RecordScopeKind kind) => kind == RecordScopeKind.OwnCaseload;

    /// <summary>On <c>yj_case c</c>: open, and allocated to the caller or to the team they act for.</summary>
    protected override string Condition(CallerScope scope, DynamicParameters parameters)
    {
        parameters.Add("scopeUser", scope.User);
        var team = "";
        if (scope.Team is { Length: > 0 })
        {
            parameters.Add("scopeTeam", scope.Team);
            team = " OR c.case_team_id = @scopeTeam";
        }

        return $"c.closed_on IS NULL AND (c.case_worker_id = @scopeUser{team})";
    }

    /// <summary>The case within the caller's scope, batched with every other case of the request (one statement).</summary>
    public static IDataLoaderResult<YouthJusticeCase?> Case(IResolveFieldContext c, string caseId) =>
        Instance.Load<YouthJusticeCase>(c, "yj.case", caseId, c.Service<CaseRepository>().GetManyAsync);

    /// <summary>
    /// A child's cases within the caller's scope, batched with every other child of the request (one statement). A
    /// child the service holds no case of in scope has none here, whether or not it holds others: under any scope but
    /// everyone's the list carries the notice that results are limited by scope, the same for every child, and never
    /// says whether cases were left out. A scope the service cannot decide fails, with no SQL.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<YouthJusticeCase>> CasesOfChild(IResolveFieldContext c, string childId)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone && !Instance.Decides(scope.Kind))
            throw scope.CannotDecide(Instance.Agency);
        scope.ReportResultsLimited(c);
        var repository = c.Service<CaseRepository>();
        return c.Loaders().GetMany<string, YouthJusticeCase>("yj.casesByChild", (ids, ct) => repository.GetByChildAsync(ids, scope, ct), yj => yj.ChildIndexId!)
            .Load(childId);
    }
}
