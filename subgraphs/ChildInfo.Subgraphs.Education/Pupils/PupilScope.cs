using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.Education.Pupils;

/// <summary>
/// Record scope in education, decided with what education holds: the rolls. <c>own_school_roll</c> reaches pupils
/// enrolled now at the caller's school; <c>everyone</c> (and break-glass, which the gateway signs as everyone) reaches
/// all. Education does not know caseloads or early years settings, so under any other scope it answers for no pupil,
/// whether asked by UPN (<c>Query.pupil</c>), by key (<c>_entities</c>) or for a roll: a pupil it cannot place in or
/// out of the caller's scope is never served.
/// </summary>
internal sealed class PupilScope() : AgencyRecordScope("education")
{
    public static PupilScope Instance { get; } = new();

    public override bool Decides(RecordScopeKind kind) => kind == RecordScopeKind.OwnSchoolRoll;

    /// <summary>On <c>PUPIL p</c>: an enrolment at the caller's school with no leaving date.</summary>
    protected override string Condition(CallerScope scope, DynamicParameters parameters)
    {
        if (scope.SchoolUrn is not { } urn)
            return "1 = 0";
        parameters.Add("scopeUrn", urn);
        return "p.UPN IN (SELECT e.UPN FROM PUPIL_ENROLMENT e WHERE e.URN = @scopeUrn AND e.LeavingDate IS NULL)";
    }

    /// <summary>The pupil within the caller's scope, batched with every other pupil of the request (one statement).</summary>
    public static IDataLoaderResult<PupilRecord?> Pupil(IResolveFieldContext c, string upn) =>
        Instance.Load<PupilRecord>(c, "education.pupil", upn, c.Service<PupilRepository>().GetManyAsync);

    /// <summary>
    /// A school's roll, if the school is the caller's (or the scope is everyone's); else empty with an error that says
    /// nothing about the roll. A roll is not filtered pupil by pupil: a pupil on the caller's roll who is also dual
    /// registered elsewhere must not show on the other school's roll.
    /// </summary>
    public static async Task<IReadOnlyList<PupilRecord>> RollAsync(IResolveFieldContext c, int urn)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (!Instance.Decides(scope.Kind))
            {
                CallerScope.Report(c, scope.CannotDecide(Instance.Agency));
                return [];
            }

            if (scope.SchoolUrn != urn)
            {
                CallerScope.Report(c, scope.OutsideScope("The school's roll is outside the caller's scope: own_school_roll reaches only the caller's own school."));
                return [];
            }
        }

        return await c.Service<PupilRepository>().GetRollAsync(urn, c.CancellationToken).ConfigureAwait(false);
    }
}
