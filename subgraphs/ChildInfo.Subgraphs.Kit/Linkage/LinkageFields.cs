using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>
/// <c>_linkageRecords(first:, after:)</c>, the field an agency adds to its query type so that the linkage job can read
/// the identifying fields of every record it holds. Federation-only (<c>@inaccessible</c>, and <c>@shareable</c> since
/// every agency declares it) and guarded by the context's purpose and identifying label (<see cref="LinkageAccess"/>)
/// rather than by row-level field labels, so the context label rule lets it through (<see cref="IsLinkageField"/>).
/// </summary>
public static class LinkageFields
{
    /// <summary>The root field.</summary>
    public const string Records = "_linkageRecords";

    /// <summary>The most records one page may hold.</summary>
    public const int MaxPage = 5_000;

    private static readonly HashSet<string> Types = new(["LinkageIdentity", "LinkageRecordPage"], StringComparer.Ordinal);

    /// <summary>True for <c>_linkageRecords</c> or a field of its types: checked by the resolver, not by the field classification.</summary>
    public static bool IsLinkageField(string parentType, string field) =>
        parentType == "Query" && field == Records || Types.Contains(parentType);

    /// <summary>Adds <c>_linkageRecords</c> (a page, or with <c>localId</c> the one record) over the agency's <see cref="LinkageSource"/>.</summary>
    public static void AddLinkageFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<LinkageRecordPageGraphType>>(Records)
            .Description("The identifying fields of the agency's records, for the linkage job only: one page in local id order.")
            .Argument<NonNullGraphType<IntGraphType>>("first")
            .Argument<StringGraphType>("after")
            .Argument<IdGraphType>("localId", "Only the record with this local id (an empty page when there is none): for linking one new or changed record.")
            .Shareable()
            .Inaccessible()
            .ResolveAsync(async c => await PageAsync(c).ConfigureAwait(false));
    }

    private static async Task<object?> PageAsync(IResolveFieldContext context)
    {
        var services = context.RequestServices!;
        var options = services.GetRequiredService<SubgraphHostOptions>();
        var definition = services.GetRequiredService<SubgraphDefinition>();
        LinkageAccess.Require(context, options.Name ?? definition.Name);
        var first = context.GetArgument<int>("first");
        if (first is < 1 or > MaxPage)
        {
            throw LinkageErrors.BadPage(MaxPage);
        }

        var source = services.GetRequiredService<LinkageSource>();
        if (!source.Offered)
        {
            throw LinkageErrors.NotOffered();
        }

        var database = services.GetRequiredService<AgencyDatabase>();
        if (context.GetArgument<string?>("localId") is { } localId)
        {
            return await LinkageQueries.OneAsync(database, source, localId, context.CancellationToken).ConfigureAwait(false);
        }

        return await LinkageQueries.PageAsync(database, source, first, context.GetArgument<string?>("after"), context.CancellationToken).ConfigureAwait(false);
    }
}
