using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.SocialCare.People;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Allocations;

public sealed class TeamGraphType : ObjectGraphType<Team>
{
    public TeamGraphType()
    {
        Name = "SocialCareTeam";
        Description = "A social care or early help team.";
        Field(t => t.TeamId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.Name);
        Field(t => t.ParentId, nullable: true);
        Field(t => t.ParentName, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProfessionalGraphType>>>>("workers")
            .Resolve(c => c.Loaders().GetMany<string, Professional>("sc.teamMembers", c.Service<AllocationRepository>().GetTeamMembersAsync, p => p.TeamId ?? "")
                .Load(c.Source.TeamId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SocialCareChildGraphType>>>>("caseload")
            .Description("Children currently allocated to someone in the team; only those in the caller's record scope are listed, and the rest are neither listed nor counted.")
            .ResolveAsync(async c => await CaseloadScope.FilterAsync(c,
                await c.Service<PersonRepository>().GetTeamCaseloadAsync(c.Source.TeamId, c.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false));
    }
}
