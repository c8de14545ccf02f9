using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;

namespace ChildInfo.Subgraphs.ChildIndex.Scope;

/// <summary>
/// Record scope in the child index, which holds the register of legitimate relationships and so decides every scope
/// (<see cref="ScopeCondition"/>): every way to a child (<c>Query.child</c>, <c>_entities</c>, a search) reads it in
/// the same statement as the children.
/// </summary>
internal sealed class ChildIndexScope() : AgencyRecordScope("child-index")
{
    public static ChildIndexScope Instance { get; } = new();

    /// <summary>Every kind: a scope the register has no relationship kind for reaches nobody.</summary>
    public override bool Decides(RecordScopeKind kind) => true;

    protected override string Condition(CallerScope scope, DynamicParameters parameters) => ScopeCondition.For(scope, parameters);
}
