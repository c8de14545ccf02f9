using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.EarlyYears.Children;

/// <summary>
/// Record scope in early years, decided with what early years holds: who attends which setting. <c>own_setting</c>
/// reaches children attending the caller's setting now; <c>everyone</c> (and break-glass, which the gateway signs as
/// everyone) reaches all. Early years does not know caseloads or school rolls, so under any other scope it answers
/// for no child, whether asked by reference (<c>Query.earlyYearsChild</c>), by key (<c>_entities</c>) or for a
/// setting's children: a child it cannot place in or out of the caller's scope is never served.
/// </summary>
internal sealed class EarlyYearsChildScope() : AgencyRecordScope("early-years")
{
    public static EarlyYearsChildScope Instance { get; } = new();

    public override bool Decides(RecordScopeKind kind) => kind == RecordScopeKind.OwnSetting;

    /// <summary>On <c>EY_CHILD ey</c>: a spell at the caller's setting with no leaving date.</summary>
    protected override string Condition(CallerScope scope, DynamicParameters parameters)
    {
        if (scope.SettingUrn is not { } urn)
            return "1 = 0";
        parameters.Add("scopeUrn", urn);
        return "ey.EYChildId IN (SELECT s.EYChildId FROM EY_CHILD_SETTING s WHERE s.URN = @scopeUrn AND s.LeavingDate IS NULL)";
    }

    /// <summary>The child within the caller's scope, batched with every other child of the request (one statement).</summary>
    public static IDataLoaderResult<EarlyYearsChildRecord?> Child(IResolveFieldContext c, string id) =>
        Instance.Load<EarlyYearsChildRecord>(c, "earlyYears.child", id, c.Service<EarlyYearsChildRepository>().GetManyAsync);

    /// <summary>A setting's children, if the setting is the caller's (or the scope is everyone's); else empty with an error.</summary>
    public static async Task<IReadOnlyList<EarlyYearsChildRecord>> AttendingAsync(IResolveFieldContext c, int urn)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (!Instance.Decides(scope.Kind))
            {
                CallerScope.Report(c, scope.CannotDecide(Instance.Agency));
                return [];
            }

            if (scope.SettingUrn != urn)
            {
                CallerScope.Report(c, scope.OutsideScope("The setting's children are outside the caller's scope: own_setting reaches only the caller's own setting."));
                return [];
            }
        }

        return await c.Service<EarlyYearsChildRepository>().GetAttendingAsync(urn, c.CancellationToken).ConfigureAwait(false);
    }
}
