using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChildInfo.Linkage.Linking;
using ChildInfo.Linkage.Records;
using Dapper;

namespace ChildInfo.Linkage.Store;

/// <summary>
/// The child index as the linkage job writes it. A run is written in one transaction, committed whole or not at all:
/// every child (<c>ci_child</c>, best-known demographics from their records) and every record's link
/// (<c>ci_record_link</c>: method, how sure, match weight and each field's comparison), the pairs left for review, and
/// a row for the run. Child ids stay stable: a child keeps the id its records were linked to before; relationships
/// (<c>ci_relationship</c>, keyed by child id) follow a record that moves to another child. Reviewers' decisions are
/// kept here and read back for every later run.
/// </summary>
public sealed partial class LinkageStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] ChildColumns = ["child_id", "forename", "middle_name", "surname", "sex", "dob", "postcode", "nhs_number", "upn", "created_on", "ethnicity"];
    private static readonly string[] LinkColumns = ["link_id", "child_id", "source_system", "local_id", "match_method", "match_confidence", "linked_on", "match_weight", "match_evidence"];
    private static readonly string[] ReviewColumns = ["pair_id", "record_a", "record_b", "probability", "match_weight", "evidence", "run_id"];

    private readonly StoreConnection _connection;
    private readonly TimeProvider _time;

    /// <exception cref="ArgumentException">The options are not usable.</exception>
    public LinkageStore(LinkageStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _connection = new StoreConnection(options);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Checks that the child index exists (its subgraph or the data generator creates it), adds the columns a linkage
    /// run writes to an index created before they existed, and creates the store's own tables when missing.
    /// </summary>
    /// <exception cref="LinkageStoreException">There is no child index, or only some of the store's tables.</exception>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in new[] { "ci_child", "ci_record_link", "ci_relationship" })
        {
            if (!await _connection.TableExistsAsync(connection, table).ConfigureAwait(false))
            {
                throw new LinkageStoreException($"The database has no child index table {table}: start the child index subgraph once (it creates its tables) or generate the demo data first.");
            }
        }

        var columns = await StoreConnection.ColumnsAsync(connection, "ci_record_link").ConfigureAwait(false);
        if (!columns.Contains("match_weight"))
        {
            await connection.ExecuteAsync("ALTER TABLE ci_record_link ADD COLUMN match_weight DECIMAL(8,2) NULL").ConfigureAwait(false);
        }

        if (!columns.Contains("match_evidence"))
        {
            await connection.ExecuteAsync(_connection.Ddl("ALTER TABLE ci_record_link ADD COLUMN match_evidence NVARCHAR(2000) NULL")).ConfigureAwait(false);
        }

        // Each script's tables are created together or not at all; the second came later, so an index the first
        // already serves gets it on its own.
        foreach (var name in new[] { "linkage.sql", "incremental.sql" })
        {
            await CreateTablesAsync(connection, Script(name), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateTablesAsync(DbConnection connection, string script, CancellationToken cancellationToken)
    {
        var tables = System.Text.RegularExpressions.Regex.Matches(script, @"CREATE TABLE (\w+)").Select(m => m.Groups[1].Value).ToList();
        var existing = 0;
        foreach (var table in tables)
        {
            existing += await _connection.TableExistsAsync(connection, table).ConfigureAwait(false) ? 1 : 0;
        }

        if (existing == tables.Count)
        {
            return;
        }

        if (existing > 0)
        {
            throw new LinkageStoreException($"The child index has only {existing} of {tables.Count} linkage store tables ({string.Join(", ", tables)}); refusing to change a partly created schema.");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var withoutComments = string.Join('\n', script.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        foreach (var statement in withoutComments.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await connection.ExecuteAsync(new CommandDefinition(_connection.Ddl(statement), transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reviewers' decisions, oldest first (a later decision on the same pair replaces an earlier one).</summary>
    public async Task<IReadOnlyList<StoredDecision>> DecisionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string A, string B, long Accepted, string Reviewer, string Reason, string At)>(new CommandDefinition(
            "SELECT record_a, record_b, accepted, reviewer, reason, decided_at FROM ci_link_decision ORDER BY decided_at, decision_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new StoredDecision(r.A, r.B, r.Accepted != 0, r.Reviewer, r.Reason, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture)))];
    }

    /// <summary>The decisions as the linker takes them.</summary>
    public async Task<IReadOnlyList<ReviewDecision>> ReviewDecisionsAsync(CancellationToken cancellationToken = default) =>
        [.. (await DecisionsAsync(cancellationToken).ConfigureAwait(false)).Select(d => new ReviewDecision(d.RecordA, d.RecordB, d.Accepted, d.Reviewer))];

    /// <summary>The pairs the last run left for review, most likely first.</summary>
    public async Task<IReadOnlyList<ReviewCandidate>> ReviewQueueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // SQLite keeps a whole DECIMAL as an integer: read the figures as doubles on every provider.
        var rows = await connection.QueryAsync<(string Id, string A, string B, double P, double W, string Evidence)>(new CommandDefinition(
            "SELECT pair_id, record_a, record_b, CAST(probability AS DOUBLE PRECISION), CAST(match_weight AS DOUBLE PRECISION), evidence FROM ci_link_review ORDER BY probability DESC, pair_id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new ReviewCandidate(r.Id, r.A, r.B, r.P, r.W, JsonSerializer.Deserialize<List<FieldEvidence>>(r.Evidence, Json) ?? []))];
    }

    /// <summary>
    /// Records a reviewer's decision on a pair waiting for review (by its <see cref="ReviewCandidate.PairId"/>, or by
    /// its two record keys joined with <c>|</c>), taken into account by every later run.
    /// </summary>
    /// <exception cref="LinkageStoreException">No such pair waits for review, or the reviewer or reason is missing.</exception>
    public async Task<StoredDecision> DecideAsync(string pair, bool accepted, string reviewer, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (string.IsNullOrWhiteSpace(reviewer) || reviewer.Length > 100)
        {
            throw new LinkageStoreException("A decision needs the reviewer's name (at most 100 characters).");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            throw new LinkageStoreException("A decision needs a reason (at most 500 characters).");
        }

        var queue = await ReviewQueueAsync(cancellationToken).ConfigureAwait(false);
        var keys = pair.Split('|');
        var candidate = queue.FirstOrDefault(c => c.PairId == pair.Trim())
            ?? (keys.Length == 2 ? queue.FirstOrDefault(c => ReviewDecision.PairOf(keys[0].Trim(), keys[1].Trim()) == (c.RecordA, c.RecordB)) : null)
            ?? throw new LinkageStoreException($"No pair '{Shorten(pair)}' waits for review; 'childinfo link review' lists the pairs and their ids.");
        var decision = new StoredDecision(candidate.RecordA, candidate.RecordB, accepted, reviewer.Trim(), reason.Trim(), _time.GetUtcNow());
        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ci_link_decision (decision_id, record_a, record_b, accepted, reviewer, reason, decided_at) VALUES (@id, @a, @b, @accepted, @reviewer, @reason, @at)",
            new { id = Guid.NewGuid().ToString("N"), a = decision.RecordA, b = decision.RecordB, accepted = accepted ? 1 : 0, reviewer = decision.Reviewer, reason = decision.Reason, at = decision.DecidedAt.ToString("O", CultureInfo.InvariantCulture) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        // Decided: no longer waiting (the next run leaves it out of the queue too).
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ci_link_review WHERE pair_id = @id", new { id = candidate.PairId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Each linked record's child (<c>source:localId</c> to child id), as the index holds it now.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChildOfRecordsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var links = await ReadLinksAsync(connection, null, cancellationToken).ConfigureAwait(false);
        return links.ToDictionary(l => l.Key, l => l.Value.ChildId, StringComparer.Ordinal);
    }

    /// <summary>What the index holds now.</summary>
    public async Task<LinkageStoreStats> StatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var methods = (await connection.QueryAsync<(string Method, long Count)>(new CommandDefinition(
            "SELECT match_method, COUNT(*) FROM ci_record_link GROUP BY match_method ORDER BY match_method", cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Method, r => (int)r.Count, StringComparer.Ordinal);
        var children = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM ci_child", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var review = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM ci_link_review", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var decisions = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM ci_link_decision", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var last = (await connection.QueryAsync<(string RunId, string At, string Agencies, long Records, long Children, long Links, long Review, long New, long Moved)>(new CommandDefinition(
            "SELECT run_id, finished_at, agencies, records, children, links, review, new_children, moved_records FROM ci_link_run ORDER BY finished_at DESC, run_id DESC " + "LIMIT 1",
            cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => new LinkageRunRecord(r.RunId, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture),
                r.Agencies.Split(',', StringSplitOptions.RemoveEmptyEntries), (int)r.Records, (int)r.Children, (int)r.Links, (int)r.Review, (int)r.New, (int)r.Moved)).FirstOrDefault();
        return new LinkageStoreStats(methods, (int)children, (int)review, (int)decisions, last);
    }

    /// <summary>
    /// Writes <paramref name="result"/> over <paramref name="records"/> (every record the run read, from
    /// <paramref name="agencies"/>) as the child index, in one transaction.
    /// </summary>
    /// <exception cref="LinkageStoreException">The result does not fit the records, or a child has no date of birth; nothing was written.</exception>
    public async Task<LinkageWriteSummary> WriteAsync(LinkageResult result, IReadOnlyList<LinkageRecord> records, IReadOnlyList<string> agencies, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(agencies);
        var byKey = records.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var clustered = result.Clusters.SelectMany(c => c).ToList();
        if (clustered.Count != byKey.Count || clustered.Any(k => !byKey.ContainsKey(k)))
        {
            throw new LinkageStoreException("The run's children do not hold exactly the records it read; nothing was written.");
        }

        var identities = result.Clusters.Select(c => BestKnownIdentity.Of([.. c.Select(k => byKey[k])])).ToList();
        var bestLink = BestLinks(result.Links);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var runId = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var previousLinks = await ReadLinksAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var previousChildren = (await connection.QueryAsync<(string Id, object CreatedOn, string? Ethnicity)>(new CommandDefinition(
            "SELECT child_id, created_on, ethnicity FROM ci_child", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(c => c.Id, c => (CreatedOn: StoreConnection.ReadDate(c.CreatedOn), c.Ethnicity), StringComparer.Ordinal);
        var ids = StableChildIds.Assign(result.Clusters, previousLinks.ToDictionary(l => l.Key, l => l.Value.ChildId, StringComparer.Ordinal), previousChildren.Keys.ToHashSet(StringComparer.Ordinal));

        var childRows = new List<object?[]>(ids.Length);
        var linkRows = new List<object?[]>(clustered.Count);
        var moved = new List<(string From, string To, string Source)>();
        for (var i = 0; i < ids.Length; i++)
        {
            var who = identities[i];
            var kept = previousChildren.TryGetValue(ids[i], out var previous);
            childRows.Add([ids[i], who.Forename, who.MiddleName, who.Surname, who.Sex, _connection.Date(who.DateOfBirth), who.Postcode, who.NhsNumber, who.Upn,
                _connection.Date(kept ? previous.CreatedOn : today), kept ? previous.Ethnicity : null]);
            foreach (var key in result.Clusters[i])
            {
                var record = byKey[key];
                var link = bestLink.GetValueOrDefault(key);
                var linkedBefore = previousLinks.TryGetValue(key, out var before);
                if (linkedBefore && before.ChildId != ids[i])
                {
                    moved.Add((before.ChildId, ids[i], record.Source));
                }

                linkRows.Add([LinkId(key), ids[i], record.Source, record.LocalId, IndexMethod(link?.Method), (decimal)Math.Round(link is null || link.Method == LinkMethod.Reviewed ? 1 : link.Probability, 4),
                    _connection.Date(linkedBefore && before.ChildId == ids[i] ? before.LinkedOn : today), link is null ? null : (decimal)Math.Clamp(Math.Round(link.MatchWeight, 2), -999_999, 999_999),
                    link is null ? null : JsonSerializer.Serialize(link.Evidence, Json)]);
            }
        }

        progress?.Report($"writing {childRows.Count:N0} children and {linkRows.Count:N0} links in one transaction");
        await Execute(connection, transaction, "DELETE FROM ci_record_link", cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, "DELETE FROM ci_child", cancellationToken).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_child", ChildColumns, childRows, cancellationToken).ConfigureAwait(false);
        progress?.Report($"{childRows.Count:N0} children written");
        await StoreConnection.InsertAsync(connection, transaction, "ci_record_link", LinkColumns, linkRows, cancellationToken).ConfigureAwait(false);
        progress?.Report($"{linkRows.Count:N0} links written");

        var movedRelationships = await MoveRelationshipsAsync(connection, transaction, moved, cancellationToken).ConfigureAwait(false);
        var removed = previousChildren.Keys.Except(ids, StringComparer.Ordinal).ToList();
        // A relationship left on a child no record belongs to any more has nothing to be about.
        await Execute(connection, transaction, "DELETE FROM ci_relationship WHERE child_id NOT IN (SELECT child_id FROM ci_child)", cancellationToken).ConfigureAwait(false);

        await Execute(connection, transaction, "DELETE FROM ci_link_review", cancellationToken).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_review", ReviewColumns, result.ReviewQueue.Select(p => new object?[]
        {
            PairId(p.RecordA, p.RecordB), p.RecordA, p.RecordB, (decimal)Math.Round(p.Probability, 4), (decimal)Math.Round(p.MatchWeight, 2), JsonSerializer.Serialize(p.Evidence, Json), runId,
        }), cancellationToken).ConfigureAwait(false);
        var newChildren = ids.Count(id => !previousChildren.ContainsKey(id));
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_run",
            ["run_id", "finished_at", "agencies", "records", "children", "links", "review", "new_children", "moved_records"],
            [[runId, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), string.Join(",", agencies), records.Count, ids.Length, result.Links.Count, result.ReviewQueue.Count, newChildren, moved.Count]],
            cancellationToken).ConfigureAwait(false);
        if (result.Terms is { } terms)
        {
            await SaveForOneRecordLinkingAsync(connection, transaction, runId, result.Model, terms, records, progress, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LinkageWriteSummary(runId, ids.Length, newChildren, removed.Count, moved.Count, movedRelationships, linkRows.Count, result.ReviewQueue.Count);
    }

    /// <summary>The short id a pair goes by in the review queue.</summary>
    public static string PairId(string recordA, string recordB)
    {
        var (a, b) = ReviewDecision.PairOf(recordA, recordB);
        return "R-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(a + "\n" + b)), 0, 4);
    }

    /// <summary>
    /// Moves each moved record's relationships (those its agency fed for the old child) to the record's new child.
    /// Through a marked id first, so that a relationship moved from X to Y is not moved again by a record that leaves Y.
    /// </summary>
    private static async Task<int> MoveRelationshipsAsync(DbConnection connection, DbTransaction transaction, List<(string From, string To, string Source)> moved, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var (from, to, source) in moved)
        {
            count += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ci_relationship SET child_id = @marked WHERE child_id = @from AND source_system = @source",
                new { marked = "~" + to, from, source }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (count > 0)
        {
            await Execute(connection, transaction, "UPDATE ci_relationship SET child_id = substr(child_id, 2) WHERE child_id LIKE '~%'", cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private static async Task<Dictionary<string, (string ChildId, DateOnly LinkedOn)>> ReadLinksAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Source, string LocalId, string ChildId, object LinkedOn)>(new CommandDefinition(
            "SELECT source_system, local_id, child_id, linked_on FROM ci_record_link", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var links = new Dictionary<string, (string ChildId, DateOnly LinkedOn)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            links[row.Source + ":" + row.LocalId] = (row.ChildId, StoreConnection.ReadDate(row.LinkedOn));
        }

        return links;
    }

    /// <summary>Each record's strongest link: by an identifier, then a reviewer's, then the heaviest probabilistic one.</summary>
    private static Dictionary<string, RecordPair> BestLinks(IReadOnlyList<RecordPair> links)
    {
        var best = new Dictionary<string, RecordPair>(StringComparer.Ordinal);
        foreach (var link in links.OrderBy(l => Rank(l.Method)).ThenByDescending(l => l.MatchWeight))
        {
            best.TryAdd(link.RecordA, link);
            best.TryAdd(link.RecordB, link);
        }

        return best;

        static int Rank(string method) => method switch
        {
            LinkMethod.NhsNumber => 0,
            LinkMethod.Upn => 1,
            LinkMethod.Reviewed => 2,
            _ => 3,
        };
    }

    /// <summary>The child index's words for a method (those its API documents); a record linked to no other is its child's sole record.</summary>
    public static string IndexMethod(string? method) => method switch
    {
        LinkMethod.NhsNumber => "NHS_NUMBER",
        LinkMethod.Upn => "UPN",
        LinkMethod.Reviewed => "CLERICAL",
        LinkMethod.Probabilistic => "DEMOGRAPHIC",
        _ => "SOLE_RECORD",
    };

    private static string LinkId(string key) => "L-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 10);

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));

    private static string Script(string name)
    {
        using var stream = typeof(LinkageStore).Assembly.GetManifestResourceStream(typeof(LinkageStore).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}
