using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>The child index's SQL for aggregate questions: links by local id, the population with its geography.</summary>
public sealed class ChildIndexCohortRepository(AgencyDatabase database)
{
    /// <summary>
    /// Up to this many ids are looked up by key on SQLite and SQL Server, in chunks their parameter limits allow; more,
    /// and the source's links are read whole and matched here. PostgreSQL takes any number as one array.
    /// </summary>
    private const int LookupLimit = 5_000;

    private const int ChunkSize = 500;

    private const string Columns = "SELECT local_id, child_id, match_confidence FROM ci_record_link";

    /// <summary>
    /// The child each of <paramref name="localIds"/> of <paramref name="source"/> is linked to; ids with no link are
    /// left out, and an id linked twice goes to its most confident link.
    /// </summary>
    public async Task<CohortLinks> LinksAsync(string source, IReadOnlyCollection<string> localIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(localIds);
        var wanted = localIds.ToHashSet(StringComparer.Ordinal);
        var best = new Dictionary<string, LinkRow>(wanted.Count, StringComparer.Ordinal);
        void Keep(IEnumerable<LinkRow> rows)
        {
            foreach (var row in rows)
            {
                if (!best.TryGetValue(row.LocalId, out var kept) || row.MatchConfidence > kept.MatchConfidence
                    || (row.MatchConfidence == kept.MatchConfidence && string.CompareOrdinal(row.ChildId, kept.ChildId) < 0))
                {
                    best[row.LocalId] = row;
                }
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (database.Dialect.Provider == DatabaseProvider.Postgres)
        {
            // One probe of (source_system, local_id) per id, however many: a question's ids arrive in one or a few calls.
            Keep(await connection.QueryAsync<LinkRow>(new CommandDefinition(
                $"{Columns} WHERE source_system = @source AND {database.Dialect.In("local_id", "@ids")}",
                new { source, ids = wanted.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false));
        }
        else if (wanted.Count > LookupLimit)
        {
            Keep((await connection.QueryAsync<LinkRow>(new CommandDefinition(
                $"{Columns} WHERE {database.Dialect.Unindexed("source_system")} = @source",
                new { source }, cancellationToken: cancellationToken)).ConfigureAwait(false)).Where(r => wanted.Contains(r.LocalId)));
        }
        else
        {
            foreach (var chunk in wanted.Chunk(ChunkSize))
            {
                Keep(await connection.QueryAsync<LinkRow>(new CommandDefinition(
                    $"{Columns} WHERE source_system = @source AND {database.Dialect.In("local_id", "@ids")}",
                    new { source, ids = chunk }, cancellationToken: cancellationToken)).ConfigureAwait(false));
            }
        }

        return new CohortLinks([.. best.Keys], [.. best.Values.Select(r => r.ChildId)]);
    }

    /// <summary>
    /// Every child born on or before <paramref name="asAt"/> and under 18 on it, with the columns
    /// <paramref name="dimensions"/> read (the geography of their postcode only when one of them needs it): the
    /// population is read whole for each question, so each column not read is 100,000 strings fewer at 100,000 children.
    /// </summary>
    public async Task<IReadOnlyList<PopulationRow>> PopulationAsync(DateOnly asAt, IReadOnlyCollection<IndexDimension> dimensions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var columns = dimensions.Select(d => d.Column).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var geography = columns.Exists(c => c.StartsWith("g.", StringComparison.Ordinal))
            ? " LEFT JOIN ci_postcode_geography g ON g.postcode = c.postcode"
            : "";
        var dob = database.Dialect.Unindexed("c.dob");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PopulationRow>(new CommandDefinition(
            $"SELECT {string.Join(", ", ["c.child_id", "c.dob", .. columns])} FROM ci_child c{geography} WHERE {dob} <= @asAt AND {dob} >= @earliest",
            new { asAt, earliest = asAt.AddYears(-19) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Where(r => IndexDimensions.AgeOn(r.Dob, asAt) < 18)];
    }

    /// <summary>The distinct names in a geography column (<c>ward_name</c>, <c>lsoa_name</c>), in order.</summary>
    public async Task<IReadOnlyList<string>> GeographyNamesAsync(string column, CancellationToken cancellationToken)
    {
        if (column is not ("ward_name" or "lsoa_name"))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "Not a geography name column.");
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT {column} FROM ci_postcode_geography", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. names.Order(StringComparer.Ordinal)];
    }

    private sealed class LinkRow
    {
        public string LocalId { get; init; } = "";

        public string ChildId { get; init; } = "";

        public decimal MatchConfidence { get; init; }
    }
}
