using ChildInfo.Subgraphs.ChildIndex.Children;
using ChildInfo.Subgraphs.ChildIndex.Links;
using ChildInfo.Subgraphs.ChildIndex.Scope;
using ChildInfo.Subgraphs.ChildIndex.Search;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;

namespace ChildInfo.Subgraphs.ChildIndex;

/// <summary>The child index's SQL: batched lookups by child id and blocked candidate search, each within a record scope.</summary>
public sealed class ChildIndexRepository(AgencyDatabase database)
{
    private const string ChildColumns = "child_id, forename, middle_name, surname, sex, dob, postcode, nhs_number, upn";

    /// <summary>The children among <paramref name="childIds"/> that are in <paramref name="scope"/>, in one statement.</summary>
    public async Task<IReadOnlyDictionary<string, IndexedChild>> GetChildrenInScopeAsync(IReadOnlyCollection<string> childIds, CallerScope scope, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { childIds = childIds.ToArray() });
        var condition = ChildIndexScope.Instance.Filter(scope, parameters);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<IndexedChild>(new CommandDefinition(
            $"SELECT {ChildColumns} FROM ci_child c WHERE {database.Dialect.In("c.child_id", "@childIds")} AND {condition}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.ChildId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The links of <paramref name="childIds"/> to records held by <paramref name="agencies"/> (every agency when null),
    /// best match first: links to an agency the caller may not link to never leave the database.
    /// </summary>
    public async Task<IEnumerable<RecordLink>> GetLinksAsync(IReadOnlyCollection<string> childIds, IReadOnlyCollection<string>? agencies, CancellationToken cancellationToken)
    {
        var agencyFilter = agencies is null ? "" : $" AND {database.Dialect.In("source_system", "@agencies")}";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryAsync<RecordLink>(new CommandDefinition(
            $"""
            SELECT link_id, child_id, source_system, local_id, match_method, match_confidence, linked_on
            FROM ci_record_link WHERE {database.Dialect.In("child_id", "@childIds")}{agencyFilter}
            ORDER BY child_id, source_system, match_confidence DESC
            """,
            new { childIds = childIds.ToArray(), agencies = agencies?.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Candidates in <paramref name="scope"/> that share a blocking key with the search (same surname, same date of
    /// birth, or same postcode), at most <paramref name="limit"/>; scoring happens in <see cref="Search.CandidateScorer"/>.
    /// The scope is in the same statement, so children outside it never count towards the limit or reach the scorer.
    /// </summary>
    public async Task<IReadOnlyList<IndexedChild>> GetBlockedCandidatesAsync(SearchCriteria criteria, CallerScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var blocks = new List<string>();
        if (criteria.Surname is not null)
            blocks.Add("lower(c.surname) = @surname");
        if (criteria.DateOfBirth is not null)
            blocks.Add("c.dob = @dob");
        if (criteria.Postcode is not null)
            blocks.Add("upper(replace(c.postcode, ' ', '')) = @postcode");
        var parameters = new DynamicParameters(new
        {
            surname = criteria.Surname?.ToLowerInvariant(),
            dob = criteria.DateOfBirth,
            postcode = CandidateScorer.NormalisePostcode(criteria.Postcode),
        });
        var condition = ChildIndexScope.Instance.Filter(scope, parameters);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<IndexedChild>(new CommandDefinition(
            $"SELECT {ChildColumns} FROM ci_child c WHERE ({string.Join(" OR ", blocks)}) AND {condition} ORDER BY c.child_id {database.Dialect.Limit(limit)}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }
}
