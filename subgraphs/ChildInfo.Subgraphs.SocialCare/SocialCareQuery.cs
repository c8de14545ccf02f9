using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Linkage;
using ChildInfo.Subgraphs.SocialCare.Allocations;
using ChildInfo.Subgraphs.SocialCare.People;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare;

public sealed class SocialCareQuery : ObjectGraphType
{
    public SocialCareQuery()
    {
        Name = "Query";
        Field<SocialCareChildGraphType>("socialCareChild")
            .Description("A child by LA child ID; null when social care holds no such child, or (with OUTSIDE_SCOPE) when the child is outside the caller's record scope.")
            .Argument<NonNullGraphType<IdGraphType>>("personId")
            .ResolveAsync(async c => await CaseloadScope.ChildAsync(c, c.GetArgument<string>("personId")).ConfigureAwait(false));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SocialCareChildGraphType>>>>("caseload")
            .Description("Children currently allocated to a worker (open involvements), by surname; only those in the caller's record scope are listed, and the rest are neither listed nor counted.")
            .Argument<NonNullGraphType<IdGraphType>>("workerId")
            .ResolveAsync(async c => await CaseloadScope.FilterAsync(c,
                await c.Service<PersonRepository>().GetCaseloadAsync(c.GetArgument<string>("workerId"), c.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false));
        Field<TeamGraphType>("team")
            .Description("A team by id, with its workers and current caseload.")
            .Argument<NonNullGraphType<IdGraphType>>("teamId")
            .ResolveAsync(async c => await c.Service<AllocationRepository>().GetTeamAsync(c.GetArgument<string>("teamId"), c.CancellationToken).ConfigureAwait(false));
        this.AddCohortFields();
        this.AddLinkageFields();
    }
}
