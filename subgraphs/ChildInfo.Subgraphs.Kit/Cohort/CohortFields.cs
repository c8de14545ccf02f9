using System.Collections.Frozen;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// The cohort fields an agency adds to its query type (<c>_cohortFacts</c>, <c>_cohortMembers</c>), and the names
/// every cohort field and type goes by. They are federation-only (<c>@inaccessible</c>, and <c>@shareable</c> since
/// every agency declares them) and guarded by counting labels (<see cref="CohortAccess"/>) rather than by the field
/// labels row-level fields carry, so the context label rule lets them through (<see cref="IsCohortField"/>).
/// </summary>
public static class CohortFields
{
    /// <summary>The facts this agency can count by.</summary>
    public const string Facts = "_cohortFacts";

    /// <summary>The records that satisfy one fact in one window.</summary>
    public const string Members = "_cohortMembers";

    /// <summary>The agency's recorded data-use wishes, which the gateway reads to leave those children out of counts.</summary>
    public const string Wishes = "_cohortWishes";

    /// <summary>
    /// The label a context must count (<c>count:preference</c>) to read <see cref="Wishes"/>: the gateway signs it for
    /// every question, whatever the analyst may count, since honouring a wish needs it; no fact counts by it.
    /// </summary>
    public const string WishesLabel = "preference";

    /// <summary>The child index's own dimensions.</summary>
    public const string Dimensions = "_cohortDimensions";

    /// <summary>The child index's links from an agency's local ids to child ids.</summary>
    public const string Links = "_cohortLinks";

    /// <summary>The child index's population as at a day, with dimensions.</summary>
    public const string Population = "_cohortPopulation";

    private static readonly FrozenSet<string> RootFields = new[] { Facts, Members, Wishes, Dimensions, Links, Population }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Types =
        new[] { "CohortFact", "CohortMember", "CohortWish", "CohortLinks", "CohortPopulation" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True for a cohort root field or a field of a cohort type: served under counting labels, checked by the
    /// resolvers, never by the row-level field classification.
    /// </summary>
    public static bool IsCohortField(string parentType, string field) =>
        parentType == "Query" && RootFields.Contains(field) || Types.Contains(parentType);

    /// <summary>Adds <c>_cohortFacts</c>, <c>_cohortMembers</c> and <c>_cohortWishes</c> over the agency's <see cref="CohortCatalogue"/>.</summary>
    public static void AddCohortFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortFactGraphType>>>>(Facts)
            .Description("The facts this agency can count by: those whose label the request context allows counting.")
            .Shareable()
            .Inaccessible()
            .ResolveAsync(async c => await FactsAsync(c).ConfigureAwait(false));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortMemberGraphType>>>>(Members)
            .Description("The agency's records that satisfy one fact in one window: record keys only, with a group or measure when asked.")
            .Argument<NonNullGraphType<StringGraphType>>("fact")
            .Argument<StringGraphType>("value")
            .Argument<DateScalar>("from")
            .Argument<DateScalar>("to")
            .Shareable()
            .Inaccessible()
            .ResolveAsync(async c => await MembersAsync(c).ConfigureAwait(false));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortWishGraphType>>>>(Wishes)
            .Description("The agency's recorded data-use wishes, by record key: read by the gateway to honour them in counts, never shown.")
            .Shareable()
            .Inaccessible()
            .ResolveAsync(async c => await WishesAsync(c).ConfigureAwait(false));
    }

    private static async Task<object?> WishesAsync(IResolveFieldContext context)
    {
        CohortAccess.From(context).Require(WishesLabel);
        var services = context.RequestServices!;
        var sql = services.GetRequiredService<CohortCatalogue>().WishesSql ?? throw CohortErrors.NoWishes();
        return await CohortQueries.WishesAsync(services.GetRequiredService<AgencyDatabase>(), sql, context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> FactsAsync(IResolveFieldContext context)
    {
        var access = CohortAccess.From(context);
        access.Require();
        var services = context.RequestServices!;
        var database = services.GetRequiredService<AgencyDatabase>();
        var facts = new List<CohortFact>();
        foreach (var fact in services.GetRequiredService<CohortCatalogue>().Facts.Where(f => access.Allows(f.Label)))
        {
            var values = await CohortQueries.ValuesAsync(database, fact, context.CancellationToken).ConfigureAwait(false);
            facts.Add(new CohortFact(fact.Name, fact.Label, fact.Description, fact.Kind, fact.Window, values));
        }

        return facts;
    }

    private static async Task<object?> MembersAsync(IResolveFieldContext context)
    {
        var access = CohortAccess.From(context);
        access.Require();
        var services = context.RequestServices!;
        var name = context.GetArgument<string>("fact");
        var fact = services.GetRequiredService<CohortCatalogue>().Find(name) ?? throw CohortErrors.UnknownFact(name);
        access.Require(fact.Label);
        var (window, error) = CohortWindow.Check(fact.Name, fact.Window, context.GetArgument<DateOnly?>("from"), context.GetArgument<DateOnly?>("to"));
        if (error is not null)
        {
            throw error;
        }

        var database = services.GetRequiredService<AgencyDatabase>();
        var value = context.GetArgument<string?>("value");
        if (value is not null)
        {
            var values = fact.Kind == CohortFactKind.Condition
                ? await CohortQueries.ValuesAsync(database, fact, context.CancellationToken).ConfigureAwait(false)
                : [];
            if (!values.Contains(value, StringComparer.Ordinal))
            {
                throw CohortErrors.BadValue(fact.Name, value, values);
            }
        }

        return await CohortQueries.MembersAsync(database, fact, value, window!, context.CancellationToken).ConfigureAwait(false);
    }
}
