using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// Fills the child index from the ground truth: one child row with the true demographics, and one link per agency
/// record, with the match method and confidence a matching job would have reached on that record's identifiers; and
/// the register of legitimate relationships the agencies feed it (<see cref="RelationshipFeed"/>), which record scope
/// is decided against; and the geography of the children's postcodes (<see cref="NorthshireGeography"/>), which
/// aggregate questions count by.
/// </summary>
public sealed class ChildIndexWriter : IAgencyWriter
{
    private static readonly string[] ChildColumns = ["child_id", "forename", "middle_name", "surname", "sex", "dob", "postcode", "nhs_number", "upn", "created_on", "ethnicity"];
    private static readonly string[] GeographyColumns = ["postcode", "lsoa", "lsoa_name", "ward", "ward_name", "idaci_decile"];
    private static readonly string[] LinkColumns = ["link_id", "child_id", "source_system", "local_id", "match_method", "match_confidence", "linked_on"];

    private readonly RelationshipFeed _relationships = new();

    /// <summary>Postcodes already placed: the first household written at a postcode decides its LSOA.</summary>
    private readonly HashSet<string> _placed = new(StringComparer.Ordinal);

    public string Agency => Population.Agency.ChildIndex;

    public AgencySchema Schema { get; } = new ChildIndexSubgraph().DatabaseSchema;

    public Task WriteReferenceDataAsync(BulkWriter writer, GenerationContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task WriteChildrenAsync(BulkWriter writer, IReadOnlyList<SyntheticChild> children, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(context);
        var createdOn = context.ReferenceDate.AddDays(-30);
        await writer.InsertAsync("ci_child", ChildColumns, children.Select(c => new object?[]
        {
            c.ChildId, c.Truth.Forename, c.Truth.MiddleName, c.Truth.Surname, c.Truth.Sex, c.Truth.DateOfBirth,
            c.Truth.Postcode, c.Truth.NhsNumber, c.Truth.Upn, createdOn, c.Ethnicity,
        }), cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("ci_postcode_geography", GeographyColumns, Geography(children, context.Seed), cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("ci_record_link", LinkColumns, children.SelectMany(c => Links(c, createdOn)), cancellationToken).ConfigureAwait(false);
        var relationships = await _relationships.RowsAsync(children, context, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("ci_relationship", RelationshipFeed.Columns, relationships, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The geography of the postcodes first seen in <paramref name="children"/> (<see cref="NorthshireGeography"/>):
    /// where the household lives, and how deprived its area is, follows its income.
    /// </summary>
    private List<object?[]> Geography(IReadOnlyList<SyntheticChild> children, int seed)
    {
        var rows = new List<object?[]>();
        foreach (var child in children)
        {
            if (_placed.Add(child.Truth.Postcode)
                && NorthshireGeography.Place(child.Truth.Postcode, child.Circumstances.LowIncomeHousehold, seed) is { } place)
            {
                rows.Add([place.Postcode, place.Lsoa, place.LsoaName, place.Ward, place.WardName, place.IdaciDecile]);
            }
        }

        return rows;
    }

    private static IEnumerable<object?[]> Links(SyntheticChild child, DateOnly linkedOn)
    {
        if (child.Education is { } education)
        {
            yield return Link(child, Population.Agency.Education, "ED", education, linkedOn);
        }

        if (child.EarlyYears is { } earlyYears)
        {
            yield return Link(child, Population.Agency.EarlyYears, "EY", earlyYears, linkedOn);
        }

        if (child.SocialCare is { } socialCare)
        {
            yield return Link(child, Population.Agency.SocialCare, "SC", socialCare, linkedOn);
        }

        if (child.VoluntarySector is { } voluntary)
        {
            yield return Link(child, Population.Agency.VoluntarySector, "VS", voluntary, linkedOn);
        }
    }

    private static object?[] Link(SyntheticChild child, string agency, string code, AgencyRecord record, DateOnly linkedOn)
    {
        var (method, confidence) = Match(child, agency, record);
        return [$"{child.ChildId}-{code}", child.ChildId, agency, record.LocalId, method, confidence, linkedOn];
    }

    /// <summary>
    /// What a matching job would have decided: deterministic on an NHS number or UPN that agrees with the truth;
    /// otherwise probabilistic on demographics, less sure for each identifier problem; every so often a person
    /// reviewed an uncertain one.
    /// </summary>
    internal static (string Method, decimal Confidence) Match(SyntheticChild child, string agency, AgencyRecord record)
    {
        if (record.Recorded.NhsNumber is { } nhs && nhs == child.Truth.NhsNumber)
        {
            return ("NHS_NUMBER", 1m);
        }

        if (agency == Population.Agency.Education && record.Recorded.Upn is { } upn && upn == child.Truth.Upn)
        {
            return ("UPN", 1m);
        }

        if (record.IdentityIssues.Count > 1 && child.Sequence % 7 == 0)
        {
            return ("CLERICAL", 1m);
        }

        return ("DEMOGRAPHIC", Math.Max(0.62m, 0.97m - (0.09m * record.IdentityIssues.Count)));
    }
}
