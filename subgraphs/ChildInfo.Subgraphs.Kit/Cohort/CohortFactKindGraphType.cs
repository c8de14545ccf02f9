using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary><c>CohortFactKind</c>: CONDITION, DIMENSION, MEASURE, EVENTS.</summary>
public sealed class CohortFactKindGraphType : EnumerationGraphType<CohortFactKind>
{
    public CohortFactKindGraphType()
    {
        Name = "CohortFactKind";
        Description = "What a cohort fact gives for each record it matches.";
        this.Inaccessible();
    }
}
