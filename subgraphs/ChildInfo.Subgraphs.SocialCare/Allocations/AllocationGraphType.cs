using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Allocations;

public sealed class AllocationGraphType : ObjectGraphType<Allocation>
{
    public AllocationGraphType()
    {
        Name = "SocialCareAllocation";
        Description = "A worker's involvement with the child; an open one (no end date) puts the child on that worker's caseload.";
        Field(a => a.InvolvementId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.WorkerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.WorkerName, nullable: true);
        Field(a => a.JobTitle, nullable: true);
        Field(a => a.TeamId, nullable: true);
        Field(a => a.TeamName, nullable: true);
        Field(a => a.Role, nullable: true).Description("Role on the case, e.g. Allocated Social Worker, Team Manager, Early Help Worker.");
        Field(a => a.StartDate, nullable: true);
        Field(a => a.EndDate, nullable: true).Description("Null while the allocation is current.");
        Field(a => a.ChangeReason, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("current").Resolve(c => c.Source.EndDate is null);
    }
}
