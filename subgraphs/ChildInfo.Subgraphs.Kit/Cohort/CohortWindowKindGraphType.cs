using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary><c>CohortWindowKind</c>: AS_AT, DURING, NONE.</summary>
public sealed class CohortWindowKindGraphType : EnumerationGraphType<CohortWindowKind>
{
    public CohortWindowKindGraphType()
    {
        Name = "CohortWindowKind";
        Description = "Which dates a cohort fact is evaluated over.";
        this.Inaccessible();
    }
}
