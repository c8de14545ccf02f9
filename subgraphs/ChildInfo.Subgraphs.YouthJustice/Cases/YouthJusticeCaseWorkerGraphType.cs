using GraphQL.Types;

namespace ChildInfo.Subgraphs.YouthJustice.Cases;

public sealed class YouthJusticeCaseWorkerGraphType : ObjectGraphType<CaseWorker>
{
    public YouthJusticeCaseWorkerGraphType()
    {
        Name = "YouthJusticeCaseWorker";
        Description = "The youth justice practitioner a case is allocated to.";
        Field(w => w.Name).Description("The case worker's name.");
        Field(w => w.Team).Description("The youth justice service team they work in.");
    }
}
