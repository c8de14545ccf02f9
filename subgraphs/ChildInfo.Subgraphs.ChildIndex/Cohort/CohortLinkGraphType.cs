using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary><c>CohortLink</c>: for the gateway's own use (<c>@inaccessible</c>).</summary>
public sealed class CohortLinkGraphType : ObjectGraphType<CohortLink>
{
    public CohortLinkGraphType()
    {
        Name = "CohortLink";
        Description = "An agency record key and the child it is linked to.";
        this.Inaccessible();
        Field<NonNullGraphType<IdGraphType>>("localId").Resolve(c => c.Source.LocalId);
        Field<NonNullGraphType<IdGraphType>>("childId").Resolve(c => c.Source.ChildId);
    }
}
