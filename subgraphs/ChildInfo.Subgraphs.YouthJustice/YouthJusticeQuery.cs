using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Linkage;
using ChildInfo.Subgraphs.YouthJustice.Cases;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.YouthJustice;

public sealed class YouthJusticeQuery : ObjectGraphType
{
    public YouthJusticeQuery()
    {
        Name = "Query";
        Field<YouthJusticeCaseGraphType>("youthJusticeCase")
            .Description("A youth justice case by the service's case id; null when there is none, or (with OUTSIDE_SCOPE) when the case is outside the caller's record scope.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .ResolveAsync(async c => await CaseScope.CaseAsync(c, c.GetArgument<string>("caseId")).ConfigureAwait(false));
        this.AddCohortFields();
        this.AddLinkageFields();
    }
}
