using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.VoluntarySector.Organisations;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Engagements;

public sealed class EngagementGraphType : ObjectGraphType<Engagement>
{
    public EngagementGraphType()
    {
        Name = "VcsEngagement";
        Description = "A young person's time with one organisation's service.";
        Field(e => e.EngagementId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(e => e.Service).Description("YOUTH_WORK, YOUNG_CARERS, MENTORING or FAMILY_SUPPORT.");
        Field<NonNullGraphType<OrganisationGraphType>>("organisation")
            .Resolve(c => c.Loaders().Get<string, Organisation>("vcs.organisation", c.Service<OrganisationRepository>().GetManyAsync)
                .Load(c.Source.OrganisationId));
        Field(e => e.StartDate);
        Field(e => e.EndDate, nullable: true).Description("Null while the young person is still engaged.");
        Field(e => e.SessionsOffered, nullable: true);
        Field(e => e.SessionsAttended, nullable: true);
        Field(e => e.KeyworkerId, nullable: true);
        Field(e => e.KeyworkerName, nullable: true);
        Field(e => e.ReferralRoute, nullable: true).Description("SELF, FAMILY, SCHOOL, SOCIAL_CARE, EARLY_HELP, HEALTH, OTHER_VCS or POLICE.");
        Field(e => e.EndReason, nullable: true);
    }
}
