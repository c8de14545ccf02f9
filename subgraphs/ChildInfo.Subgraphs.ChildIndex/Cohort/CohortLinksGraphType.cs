using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary><c>CohortLinks</c>: for the gateway's own use (<c>@inaccessible</c>).</summary>
public sealed class CohortLinksGraphType : ObjectGraphType<CohortLinks>
{
    public CohortLinksGraphType()
    {
        Name = "CohortLinks";
        Description = "Agency record keys and the children they are linked to, as two columns of equal length: the i-th key is linked to the i-th child.";
        this.Inaccessible();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("localIds").Resolve(c => c.Source.LocalIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("childIds").Resolve(c => c.Source.ChildIds);
    }
}
