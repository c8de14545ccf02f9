using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Allocations;

public sealed class ProfessionalGraphType : ObjectGraphType<Professional>
{
    public ProfessionalGraphType()
    {
        Name = "SocialCareWorker";
        Description = "A practitioner in a social care or early help team.";
        Field(p => p.WorkerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Name, nullable: true);
        Field(p => p.JobTitle, nullable: true);
        Field(p => p.TeamId, nullable: true);
        Field(p => p.RegistrationNumber, nullable: true).Description("Social Work England registration number, if any.");
        Field(p => p.AgencyWorker, nullable: true);
    }
}
