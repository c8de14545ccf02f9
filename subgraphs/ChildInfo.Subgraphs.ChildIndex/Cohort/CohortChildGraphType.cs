using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary><c>CohortChild</c>: for the gateway's own use (<c>@inaccessible</c>).</summary>
public sealed class CohortChildGraphType : ObjectGraphType<CohortChild>
{
    public CohortChildGraphType()
    {
        Name = "CohortChild";
        Description = "A child of the population and their groups, in the order the dimensions were asked.";
        this.Inaccessible();
        Field<NonNullGraphType<IdGraphType>>("childId").Resolve(c => c.Source.ChildId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Resolve(c => c.Source.Values);
    }
}
