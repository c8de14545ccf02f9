namespace ChildInfo.Federation.Access;

/// <summary>
/// Decides, before planning, whether a field may be served to the caller. A denied field is left out of the plan
/// (never requested from any subgraph) and completes to <c>null</c> with an error carrying the decision. Decisions are
/// made per concrete parent type, once per plan: a policy must give the same answers for the same plan-cache scope key.
/// </summary>
public interface IFieldAccessPolicy
{
    /// <summary>The decision for <c>typeName.fieldName</c> (never asked for <c>__typename</c> or introspection).</summary>
    FieldAccess Decide(string typeName, string fieldName);

    /// <summary>
    /// Checks fetched objects on data they carry (see <see cref="IRecordGuard"/>); null, the default, checks nothing.
    /// Like the decisions, it must be the same for the same plan-cache scope key.
    /// </summary>
    IRecordGuard? RecordGuard => null;
}
