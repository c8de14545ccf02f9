using ChildInfo.Subgraphs.ChildIndex.Children;
using ChildInfo.Subgraphs.ChildIndex.Links;
using ChildInfo.Subgraphs.ChildIndex.Scope;
using ChildInfo.Subgraphs.ChildIndex.Search;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;

namespace ChildInfo.Subgraphs.ChildIndex;

/// <summary>The child index's SQL: batched lookups by child id (within a record scope), blocked candidate search.</summary>
public sealed class ChildIndexRepository(AgencyDatabase database)
{
    private const string ChildColumns = "child_id, forename, middle_name, surname, sex, dob, postcode, nhs_number, upn";

    public async Task<IReadOnlyDictionary<string, IndexedChild>> GetChildrenAsync(IReadOnlyCollection<string> childIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<IndexedChild>(new CommandDefinition(
            $"SELECT {ChildColumns} FROM ci_child WHERE {database.Dialect.In("child_id", "@childIds")}",
            new { childIds = childIds.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.ChildId, StringComparer.Ordinal);
    }

    /// <summary>The children among <paramref name="childIds"/> that are in <paramref name="scope"/> (everyone's: all of them).</summary>
    public async Task<IReadOnlyDictionary<string, IndexedChild>> GetChildrenInScopeAsync(IReadOnlyCollection<string> childIds, CallerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsEveryone)
        {
            return await GetChildrenAsync(childIds, cancellationToken).ConfigureAwait(false);
        }

        var parameters = new DynamicParameters(new { childIds = childIds.ToArray() });
        var condition = ScopeCondition.For(scope, parameters);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<IndexedChild>(new CommandDefinition(
            $"SELECT {ChildColumns} FROM ci_child c WHERE {database.Dialect.In("c.child_id", "@childIds")} AND {condition}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.ChildId, StringComparer.Ordinal);
    }

    /// <summary>Which of <paramref name="childIds"/> are in <paramref name="scope"/>.</summary>
    public async Task<IReadOnlySet<string>> InScopeAsync(IReadOnlyCollection<string> childIds, CallerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsEveryone)
        {
            return childIds.ToHashSet(StringComparer.Ordinal);
        }

        if (childIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var parameters = new DynamicParameters(new { childIds = childIds.ToArray() });
        var condition = ScopeCondition.For(scope, parameters);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT c.child_id FROM ci_child c WHERE {database.Dialect.In("c.child_id", "@childIds")} AND {condition}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IEnumerable<RecordLink>> GetLinksAsync(IReadOnlyCollection<string> childIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryAsync<RecordLink>(new CommandDefinition(
            $"""
            SELECT link_id, child_id, source_system, local_id, match_method, match_confidence, linked_on, match_weight, match_evidence
            FROM ci_record_link WHERE {database.Dialect.In("child_id", "@childIds")}
            ORDER BY child_id, source_system, match_confidence DESC
            """,
            new { childIds = childIds.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Candidates that share a blocking key with the search (same surname, same date of birth, or same postcode);
    /// scoring happens in <see cref="Search.CandidateScorer"/>.
    /// </summary>
    public async Task<IReadOnlyList<IndexedChild>> GetBlockedCandidatesAsync(string? surname, DateOnly? dateOfBirth, string? postcode, int limit, CancellationToken cancellationToken)
    {
        var blocks = new List<string>();
        if (surname is not null)
        {
            blocks.Add("lower(surname) = @surname");
        }

        if (dateOfBirth is not null)
        {
            blocks.Add("dob = @dob");
        }

        if (postcode is not null)
        {
            blocks.Add("upper(replace(postcode, ' ', '')) = @postcode");
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<IndexedChild>(new CommandDefinition(
            $"SELECT {ChildColumns} FROM ci_child WHERE {string.Join(" OR ", blocks)} ORDER BY child_id {database.Dialect.Limit(limit)}",
            new { surname = surname?.ToLowerInvariant(), dob = dateOfBirth, postcode = CandidateScorer.NormalisePostcode(postcode) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }
}
