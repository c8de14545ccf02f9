using ChildInfo.Subgraphs.ChildIndex.Links;
using ChildInfo.Subgraphs.ChildIndex.Scope;
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
/// null with an <c>OUTSIDE_SCOPE</c> error, so nothing about them is linked onward; and the links listed are only those
/// to agencies the caller's rule may link to.
/// </summary>
public sealed class ChildGraphType : ObjectGraphType<IndexedChild>
{
    public ChildGraphType()
    {
        Name = "Child";
        Description = "A child known to one or more agencies, under an opaque pseudonymous id.";
        this.Key("id");
        this.ResolveReference<IDictionary<string, object?>, IndexedChild>((context, representation) =>
            Load(context, Representations.RequireString(representation, "id", "Child")));

        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque, stable, pseudonymous child id.").Resolve(c => c.Source.ChildId);
        Field(c => c.Forename).Description("Forename, as best known to the index.");
        Field(c => c.MiddleName, nullable: true);
        Field(c => c.Surname).Description("Surname, as best known to the index.");
        Field(c => c.Sex).Description("M or F, as recorded.");
        Field<NonNullGraphType<DateScalar>>("dateOfBirth").Resolve(c => c.Source.Dob);
        Field(c => c.Postcode);
        Field(c => c.NhsNumber, nullable: true).Description("NHS number where known (synthetic data: 999 range).");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordLinkGraphType>>>>("links")
            .Description("The agency records linked to this child that the caller's rule may link to, with match method and confidence.")
            .Resolve(c => Links(c));
        LinkField<PupilReference>("pupil", "education", "The child's pupil record in education.");
        LinkField<EarlyYearsChildReference>("earlyYearsChild", "early-years", "The child's early years record.");
        LinkField<SocialCareChildReference>("socialCareChild", "social-care", "The child's record in children's social care.");
        LinkField<VcsParticipantReference>("vcsParticipant", "voluntary-sector", "The child's record with voluntary and community organisations.");
    }

    /// <summary>
    /// The child within the caller's record scope, batched: outside it (or unknown, so that the answer does not say
    /// whether a child exists) the result fails with <c>OUTSIDE_SCOPE</c>; under everyone's scope an unknown child is null.
    /// </summary>
    internal static IDataLoaderResult<IndexedChild?> Load(IResolveFieldContext context, string childId) =>
        ChildIndexScope.Instance.Load<IndexedChild>(context, "child", childId, context.Service<ChildIndexRepository>().GetChildrenInScopeAsync);

    /// <summary>
    /// The child's links to the agencies whose link fields the caller's rule may follow (every agency without a
    /// verified context): a link to any other agency is neither listed nor counted, so the caller does not learn that
    /// the child is known there, nor the record's id.
    /// </summary>
    private static IDataLoaderResult<IReadOnlyList<RecordLink>> Links(IResolveFieldContext<IndexedChild> context)
    {
        var repository = context.Service<ChildIndexRepository>();
        var scope = CallerScope.From(context);
        IReadOnlyCollection<string>? agencies = scope.Verified
            ? [.. scope.Links.Select(context.Service<FieldClassification>().AgencyOf).OfType<string>().Distinct(StringComparer.Ordinal)]
            : null;
        return context.Loaders().GetMany<string, RecordLink>("links", (ids, ct) => repository.GetLinksAsync(ids, agencies, ct), l => l.ChildId)
            .Load(context.Source.ChildId);
    }

    private void LinkField<TReference>(string name, string source, string description)
        where TReference : AgencyEntityReference =>
        Field<TReference>(name)
            .Description(description)
            .Resolve(c => Links(c).Select(links => links.FirstOrDefault(l => l.SourceSystem == source)));
}
