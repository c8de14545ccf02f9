using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>
/// The child index's side of aggregate questions (federation-only, <c>@inaccessible</c>): its own dimensions, the
/// links from an agency's record keys to child ids, and the population with its groups. Served only under counting
/// labels (<see cref="CohortAccess"/>): <c>count:linkage</c> for links and the population, and
/// <c>count:&lt;label&gt;</c> for each dimension asked.
/// </summary>
public static class ChildIndexCohortFields
{
    /// <summary>The most local ids one <c>_cohortLinks</c> call may ask for.</summary>
    public const int MaxLocalIds = 2_000_000;

    /// <summary>The label of the links between agency records and children.</summary>
    public const string LinkageLabel = "linkage";

    public static void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortFactGraphType>>>>(CohortFields.Dimensions)
            .Description("The child index's own dimensions (as at a day): those whose label the request context allows counting.")
            .Inaccessible()
            .ResolveAsync(async c => await DimensionsAsync(c).ConfigureAwait(false));
        query.Field<NonNullGraphType<CohortLinksGraphType>>(CohortFields.Links)
            .Description("The child each of an agency's record keys is linked to, as columns; keys with no link are left out.")
            .Argument<NonNullGraphType<StringGraphType>>("source", "The agency, as ci_record_link.source_system names it: education, early-years, social-care...")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("localIds")
            .Inaccessible()
            .ResolveAsync(async c => await LinksAsync(c).ConfigureAwait(false));
        query.Field<NonNullGraphType<CohortPopulationGraphType>>(CohortFields.Population)
            .Description("Every child born on or before the day and under 18 on it, and a column of groups for each dimension asked, in their order.")
            .Argument<NonNullGraphType<DateScalar>>("asAt")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dimensions")
            .Inaccessible()
            .ResolveAsync(async c => await PopulationAsync(c).ConfigureAwait(false));
    }

    private static async Task<object?> DimensionsAsync(IResolveFieldContext context)
    {
        var access = CohortAccess.From(context);
        access.Require();
        var repository = context.RequestServices!.GetRequiredService<ChildIndexCohortRepository>();
        var facts = new List<CohortFact>();
        foreach (var dimension in IndexDimensions.All.Where(d => access.Allows(d.Label)))
        {
            var values = dimension.GeographyColumn is { } column
                ? [.. await repository.GeographyNamesAsync(column, context.CancellationToken).ConfigureAwait(false), IndexDimensions.Unknown]
                : dimension.Values;
            facts.Add(new CohortFact(dimension.Name, dimension.Label, dimension.Description, CohortFactKind.Dimension, CohortWindowKind.AsAt, values));
        }

        return facts;
    }

    private static async Task<object?> LinksAsync(IResolveFieldContext context)
    {
        CohortAccess.From(context).Require(LinkageLabel);
        var localIds = context.GetArgument<List<string>>("localIds");
        if (localIds.Count > MaxLocalIds)
        {
            throw CohortErrors.TooManyIds(MaxLocalIds);
        }

        return await context.RequestServices!.GetRequiredService<ChildIndexCohortRepository>()
            .LinksAsync(context.GetArgument<string>("source"), localIds, context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> PopulationAsync(IResolveFieldContext context)
    {
        var access = CohortAccess.From(context);
        access.Require();
        var asAt = context.GetArgument<DateOnly>("asAt");
        var dimensions = new List<IndexDimension>();
        foreach (var name in context.GetArgument<List<string>>("dimensions"))
        {
            dimensions.Add(IndexDimensions.Find(name) ?? throw CohortErrors.UnknownDimension(name, IndexDimensions.All.Select(d => d.Name)));
        }

        access.Require([LinkageLabel, .. dimensions.Select(d => d.Label)]);
        var rows = await context.RequestServices!.GetRequiredService<ChildIndexCohortRepository>().PopulationAsync(asAt, dimensions, context.CancellationToken).ConfigureAwait(false);
        return new CohortPopulation([.. rows.Select(r => r.ChildId)], [.. dimensions.Select(d => (IReadOnlyList<string>)[.. rows.Select(r => d.GroupOf(r, asAt))])]);
    }
}
