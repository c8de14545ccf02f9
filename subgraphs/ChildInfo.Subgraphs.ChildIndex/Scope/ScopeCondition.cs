using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;

namespace ChildInfo.Subgraphs.ChildIndex.Scope;

/// <summary>
/// The SQL condition that puts a child (<c>c.child_id</c>) in a caller's record scope: a current relationship of the
/// scope's kind held by one of the caller's holders. <c>own_caseload</c>: the user, or the team or organisation the
/// context names; <c>own_school_roll</c>: the school's URN; <c>own_setting</c>: the setting's URN. A scope with no
/// holder, or one the index does not know, reaches nobody.
/// </summary>
internal static class ScopeCondition
{
    public static string For(CallerScope scope, DynamicParameters parameters)
    {
        var (kind, holders) = scope.Kind switch
        {
            RecordScopeKind.OwnCaseload => (RelationshipKinds.Caseload, scope.CaseloadHolders()),
            RecordScopeKind.OwnSchoolRoll => (RelationshipKinds.SchoolRoll, Holder(RelationshipHolderTypes.School, scope.School)),
            RecordScopeKind.OwnSetting => (RelationshipKinds.Setting, Holder(RelationshipHolderTypes.Setting, scope.Setting)),
            _ => ("", []),
        };
        if (holders.Count == 0)
        {
            return "1 = 0";
        }

        parameters.Add("scopeKind", kind);
        var terms = new List<string>(holders.Count);
        for (var i = 0; i < holders.Count; i++)
        {
            parameters.Add("holderType" + i, holders[i].Type);
            parameters.Add("holder" + i, holders[i].Holder);
            terms.Add($"(r.holder_type = @holderType{i} AND r.holder = @holder{i})");
        }

        return $"""
            EXISTS (SELECT 1 FROM ci_relationship r
                    WHERE r.child_id = c.child_id AND r.kind = @scopeKind AND r.end_date IS NULL
                      AND ({string.Join(" OR ", terms)}))
            """;
    }

    private static IReadOnlyList<(string Type, string Holder)> Holder(string type, string? holder) =>
        holder is { Length: > 0 } ? [(type, holder)] : [];
}
