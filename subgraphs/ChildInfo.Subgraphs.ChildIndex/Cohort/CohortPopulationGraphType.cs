using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary><c>CohortPopulation</c>: for the gateway's own use (<c>@inaccessible</c>).</summary>
public sealed class CohortPopulationGraphType : ObjectGraphType<CohortPopulation>
{
    public CohortPopulationGraphType()
    {
        Name = "CohortPopulation";
        Description = "The population's children and their groups as columns: one column of groups per dimension asked, in the order asked, each as long as childIds.";
        this.Inaccessible();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("childIds").Resolve(c => c.Source.ChildIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>>>("groups").Resolve(c => c.Source.Groups);
    }
}
