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
            .Description("A youth justice case by the service's case id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .Resolve(c => YouthJusticeCaseGraphType.Load(c, c.GetArgument<string>("caseId")));
    }
}
