using ChildInfo.Subgraphs.ChildIndex.Links;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Children;

/// <summary>
/// <c>Child</c>: the opaque, stable id every joined-up query starts from, and one field per agency link. Following
/// a link is an act the gateway's policies allow or deny separately from seeing the child. Every way in
/// (<c>Query.child</c>, <c>_entities</c>) loads the child within the caller's record scope: a child outside it is
/// null with an <c>OUTSIDE_SCOPE</c> error, so nothing about them is linked onward.
/// </summary>
public sealed class ChildGraphType : ObjectGraphType<IndexedChild>
{
    public ChildGraphType()
    {
        Name = "Child";
        Description = "A child known to one or more agencies, under an opaque pseudonymous id.";
        this.Key("id");
        this.ResolveReference<IDictionary<string, object?>, IndexedChild>((context, representation) =>
            Load(context, Representations.RequireString(representation, "id", "Child")).OrNull());

        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque, stable, pseudonymous child id.").Resolve(c => c.Source.ChildId);
        Field(c => c.Forename).Description("Forename, as best known to the index.");
        Field(c => c.MiddleName, nullable: true);
        Field(c => c.Surname).Description("Surname, as best known to the index.");
        Field(c => c.Sex).Description("M or F, as recorded.");
        Field<NonNullGraphType<DateScalar>>("dateOfBirth").Resolve(c => c.Source.Dob);
        Field(c => c.Postcode);
        Field(c => c.NhsNumber, nullable: true).Description("NHS number where known (synthetic data: 999 range).");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordLinkGraphType>>>>("links")
            .Description("The agency records linked to this child that the caller's rule may link to, with match method and confidence. Records at agencies the rule may not link are not listed: that a child is known to an agency is itself information.")
            .Resolve(c => Links(c));
        LinkField<PupilReference>("pupil", "education", "The child's pupil record in education.");
        LinkField<EarlyYearsChildReference>("earlyYearsChild", "early-years", "The child's early years record.");
        LinkField<SocialCareChildReference>("socialCareChild", "social-care", "The child's record in children's social care.");
        LinkField<VcsParticipantReference>("vcsParticipant", "voluntary-sector", "The child's record with voluntary and community organisations.");
    }

    internal static IDataLoaderResult<IndexedChild> Load(IResolveFieldContext context, string childId)
    {
        var repository = context.Service<ChildIndexRepository>();
        var scope = CallerScope.From(context);
        if (scope.IsEveryone)
        {
            return context.Loaders().Get<string, IndexedChild>("child", repository.GetChildrenAsync).Load(childId);
        }
        // Unknown ids are treated like children outside the scope, so the answer does not say whether a child exists.
        return context.Loaders().Get<string, IndexedChild>("child.inScope", (ids, ct) => repository.GetChildrenInScopeAsync(ids, scope, ct))
            .Load(childId).Select(child => child ?? throw scope.OutsideScope());
    }

    private static IDataLoaderResult<IReadOnlyList<RecordLink>> Links(IResolveFieldContext<IndexedChild> context)
    {
        var repository = context.Service<ChildIndexRepository>();
        var links = context.Loaders().GetMany<string, RecordLink>("links", repository.GetLinksAsync, l => l.ChildId).Load(context.Source.ChildId);
        if (SubgraphContextIdentity.Find(context.User) is not { } signed)
        {
            return links;
        }

        var agencies = context.Service<FieldClassification>().LinkedAgencies(signed);
        return links.Select(all => (IReadOnlyList<RecordLink>)[.. all.Where(l => agencies.Contains(l.SourceSystem))]);
    }

    private void LinkField<TReference>(string name, string source, string description)
        where TReference : AgencyEntityReference =>
        Field<TReference>(name)
            .Description(description)
            .Resolve(c => Links(c).Select(links => links.FirstOrDefault(l => l.SourceSystem == source)));
}
