using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Linkage;
using ChildInfo.Subgraphs.VoluntarySector.Organisations;
using ChildInfo.Subgraphs.VoluntarySector.Participants;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector;

public sealed class VoluntarySectorQuery : ObjectGraphType
{
    public VoluntarySectorQuery()
    {
        Name = "Query";
        Field<VcsParticipantGraphType>("vcsParticipant")
            .Description("A participant by the shared system's id; null when there is none, or (with OUTSIDE_SCOPE) when the participant is outside the caller's record scope.")
            .Argument<NonNullGraphType<IdGraphType>>("participantId")
            .ResolveAsync(async c => await ParticipantScope.ParticipantAsync(c, c.GetArgument<string>("participantId")).ConfigureAwait(false));
        Field<OrganisationGraphType>("organisation")
            .Description("An organisation by id, with the services it runs.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .Resolve(c => c.Loaders().Get<string, Organisation>("vcs.organisation", c.Service<OrganisationRepository>().GetManyAsync)
                .Load(c.GetArgument<string>("organisationId")));
        this.AddCohortFields();
        this.AddLinkageFields();
    }
}
