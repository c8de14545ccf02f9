using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ChildInfo.Linkage.Blocking;
using ChildInfo.Linkage.Comparison;
using ChildInfo.Linkage.Linking;
using ChildInfo.Linkage.Model;
using ChildInfo.Linkage.Records;
using Dapper;

namespace ChildInfo.Linkage.Store;

/// <summary>
/// Linking one new or changed record between full runs. A full run saves what that needs (the model, each record's
/// identifying fields and blocking keys, the term counts); <see cref="LinkRecordAsync"/> then finds the record's
/// candidates through the indexed blocking keys, decides with <see cref="OneRecordLinker"/>, and writes the record's
/// link, its child (existing or new) and the review pairs in one transaction, with a row in <c>ci_link_update</c>.
/// </summary>
public sealed partial class LinkageStore
{
    private const string RecordSelect = "SELECT r.record_key AS RecordKey, r.source_system AS SourceSystem, r.local_id AS LocalId, r.forename AS Forename, r.middle_name AS MiddleName, "
        + "r.surname AS Surname, r.sex AS Sex, r.dob AS Dob, r.postcode AS Postcode, r.nhs_number AS NhsNumber, r.upn AS Upn";

    private static readonly string[] RecordColumns = ["record_key", "source_system", "local_id", "forename", "middle_name", "surname", "sex", "dob", "postcode", "nhs_number", "upn"];

    /// <summary>
    /// Links <paramref name="record"/> (as its agency holds it now) to an existing child, a new child, or a child of
    /// its own with pairs for review, under the model the last full run saved, in one transaction.
    /// </summary>
    /// <exception cref="LinkageStoreException">No full run has saved a model yet, or the record has no date of birth and no child to join; nothing was written.</exception>
    public async Task<OneRecordLinkSummary> LinkRecordAsync(LinkageRecord record, LinkageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var comparisons = FieldComparison.Standard;
        var prepared = new PreparedRecord(record, 0);
        var blockKeys = BlockingKeys.Of(prepared).Distinct(StringComparer.Ordinal).ToList();
        var now = _time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var updateId = "U" + now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

        await using var connection = await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        CommandDefinition Sql(string sql, object? parameters = null) => new(sql, parameters, transaction, cancellationToken: cancellationToken);

        var saved = (await connection.QueryAsync<string>(Sql("SELECT model FROM ci_link_model ORDER BY saved_at DESC, run_id DESC " + "LIMIT 1")).ConfigureAwait(false)).FirstOrDefault()
            ?? throw new LinkageStoreException("No full linkage run has saved its model yet: run 'childinfo link run' once, then link single records.");
        var stored = JsonSerializer.Deserialize<SavedModel>(saved, Json) ?? throw new LinkageStoreException("The saved linkage model cannot be read: run 'childinfo link run' again.");
        if (stored.Blocking != BlockingKeys.Version)
        {
            throw new LinkageStoreException("The last full linkage run saved blocking keys made another way than this version makes them: run 'childinfo link run' again.");
        }

        MatchModel model;
        try
        {
            model = MatchModel.Restore(comparisons, stored.M, stored.U, stored.Lambda, stored.Prior);
        }
        catch (ArgumentException)
        {
            throw new LinkageStoreException("The saved linkage model is for other comparisons than this version's: run 'childinfo link run' again.");
        }

        var wanted = Enumerable.Range(0, comparisons.Count).Select(f => (Field: f, Term: comparisons[f].TermOf(prepared))).Where(t => t.Term is not null).ToList();
        var counts = new List<(int, string, int)>();
        foreach (var (field, term) in wanted)
        {
            var found = await connection.QueryAsync<long>(Sql("SELECT records FROM ci_link_term WHERE field = @field AND term = @term", new { field, term })).ConfigureAwait(false);
            counts.Add((field, term!, (int)found.FirstOrDefault()));
        }

        var terms = new TermFrequencies(comparisons, counts, stored.Totals);

        var decisions = (await connection.QueryAsync<(string A, string B, long Accepted, string Reviewer)>(Sql(
            "SELECT record_a, record_b, accepted, reviewer FROM ci_link_decision WHERE record_a = @key OR record_b = @key ORDER BY decided_at, decision_id", new { key = record.Key })).ConfigureAwait(false))
            .Select(d => new ReviewDecision(d.A, d.B, d.Accepted != 0, d.Reviewer)).ToList();

        // Candidates: every stored record sharing a blocking key, and any a reviewer accepted as the same child (a
        // reviewer may join what no key brings together), with the child each is linked to now.
        // A block of more records than a run compares whole was left out of the run: linking one record leaves it out too.
        List<string> usableKeys = blockKeys.Count == 0 ? [] : [.. await connection.QueryAsync<string>(Sql(
            "SELECT block_key FROM ci_link_block WHERE " + _connection.In("block_key", "blockKeys") + " GROUP BY block_key HAVING COUNT(*) <= @max",
            new { blockKeys = blockKeys.ToArray(), max = options.MaxBlockSize })).ConfigureAwait(false)];
        List<string> candidateKeys = usableKeys.Count == 0 ? [] : [.. await connection.QueryAsync<string>(Sql(
            "SELECT DISTINCT record_key FROM ci_link_block WHERE " + _connection.In("block_key", "usableKeys"), new { usableKeys = usableKeys.ToArray() })).ConfigureAwait(false)];
        candidateKeys = [.. candidateKeys.Concat(decisions.Where(d => d.Accepted).Select(d => d.RecordA == record.Key ? d.RecordB : d.RecordA)).Where(k => k != record.Key).Distinct(StringComparer.Ordinal)];
        List<RecordRow> candidateRecords = candidateKeys.Count == 0 ? [] : [.. await connection.QueryAsync<RecordRow>(Sql(
            RecordSelect + " FROM ci_link_record r WHERE " + _connection.In("r.record_key", "candidateKeys"), new { candidateKeys = candidateKeys.ToArray() })).ConfigureAwait(false)];
        var childOf = await ChildrenOfAsync(connection, transaction, [.. candidateRecords.Select(r => (r.SourceSystem, r.LocalId)), (record.Source, record.LocalId)], cancellationToken).ConfigureAwait(false);
        var oldChild = childOf.GetValueOrDefault(record.Key);
        var candidates = candidateRecords.Where(r => childOf.ContainsKey(r.RecordKey)).Select(r => new LinkCandidate(r.ToRecord(), childOf[r.RecordKey])).ToList();
        var members = await MembersAsync(connection, transaction, [.. candidates.Select(c => c.ChildId).Append(oldChild).OfType<string>().Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);

        var decision = OneRecordLinker.Decide(record, candidates, members.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value, StringComparer.Ordinal), decisions, model, terms, options);

        // Its child: the one it joins; else the one it has if it is alone there; else a new one.
        var alone = oldChild is not null && members.TryGetValue(oldChild, out var oldMembers) && oldMembers.All(k => k == record.Key);
        var childId = decision.ChildId ?? (alone ? oldChild! : await NewChildIdAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
        var newChild = decision.ChildId is null && !alone;
        var moved = oldChild is not null && oldChild != childId;

        var linkId = LinkId(record.Key);
        var linkedOn = !moved && oldChild is not null
            ? await connection.ExecuteScalarAsync<object?>(Sql("SELECT linked_on FROM ci_record_link WHERE link_id = @linkId", new { linkId })).ConfigureAwait(false) is { } on and not DBNull ? StoreConnection.ReadDate(on) : today
            : today;
        await connection.ExecuteAsync(Sql("DELETE FROM ci_record_link WHERE link_id = @linkId OR (source_system = @source AND local_id = @localId)", new { linkId, source = record.Source, localId = record.LocalId })).ConfigureAwait(false);
        var link = decision.Link;
        await StoreConnection.InsertAsync(connection, transaction, "ci_record_link", LinkColumns,
            [[linkId, childId, record.Source, record.LocalId, IndexMethod(link?.Method), (decimal)Math.Round(link is null || link.Method == LinkMethod.Reviewed ? 1 : link.Probability, 4),
                _connection.Date(linkedOn), link is null ? null : (decimal)Math.Clamp(Math.Round(link.MatchWeight, 2), -999_999, 999_999), link is null ? null : JsonSerializer.Serialize(link.Evidence, Json)]],
            cancellationToken).ConfigureAwait(false);

        // The record's old blocking keys come from its stored fields: the key table needs no index but its primary key.
        var previous = (await connection.QueryAsync<RecordRow>(Sql(RecordSelect + " FROM ci_link_record r WHERE r.record_key = @key", new { key = record.Key })).ConfigureAwait(false)).FirstOrDefault();
        foreach (var oldKey in previous is null ? [] : BlockingKeys.Of(new PreparedRecord(previous.ToRecord(), 0)).Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(Sql("DELETE FROM ci_link_block WHERE block_key = @oldKey AND record_key = @key", new { oldKey, key = record.Key })).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(Sql("DELETE FROM ci_link_record WHERE record_key = @key", new { key = record.Key })).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_record", RecordColumns, [RecordRowOf(record)], cancellationToken).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_block", ["block_key", "record_key"], blockKeys.Select(k => new object?[] { k, record.Key }), cancellationToken).ConfigureAwait(false);

        var movedRelationships = 0;
        if (moved)
        {
            movedRelationships = await connection.ExecuteAsync(Sql("UPDATE ci_relationship SET child_id = @to WHERE child_id = @from AND source_system = @source", new { to = childId, from = oldChild, source = record.Source })).ConfigureAwait(false);
        }

        // The children whose records changed get their best-known demographics again; a child left without records goes.
        var removedChild = false;
        foreach (var affected in new[] { childId, moved ? oldChild : null }.OfType<string>())
        {
            removedChild |= await RefreshChildAsync(connection, transaction, affected, newChild && affected == childId, today, cancellationToken).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(Sql("DELETE FROM ci_link_review WHERE record_a = @key OR record_b = @key", new { key = record.Key })).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_review", ReviewColumns, decision.Review.Select(p => new object?[]
        {
            PairId(p.RecordA, p.RecordB), p.RecordA, p.RecordB, (decimal)Math.Round(p.Probability, 4), (decimal)Math.Round(p.MatchWeight, 2), JsonSerializer.Serialize(p.Evidence, Json), updateId,
        }), cancellationToken).ConfigureAwait(false);

        var outcome = link is not null ? OneRecordLinkSummary.Linked : decision.Review.Count > 0 ? OneRecordLinkSummary.ForReview : OneRecordLinkSummary.OwnChild;
        var method = IndexMethod(link?.Method);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_update", ["update_id", "finished_at", "source_system", "link_id", "outcome", "match_method", "new_child", "moved", "review"],
            [[updateId, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), record.Source, linkId, outcome, method, newChild ? 1 : 0, moved ? 1 : 0, decision.Review.Count]], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new OneRecordLinkSummary(updateId, linkId, outcome, childId, method, link is null || link.Method == LinkMethod.Reviewed ? 1 : Math.Round(link.Probability, 4),
            newChild, moved, removedChild, movedRelationships, decision.Review.Count, candidates.Count);
    }

    /// <summary>What a full run saves for linking one record later: replaces what the previous run saved.</summary>
    private async Task SaveForOneRecordLinkingAsync(DbConnection connection, DbTransaction transaction, string runId, MatchModel model, TermFrequencies terms, IReadOnlyList<LinkageRecord> records, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "ci_link_model", "ci_link_record", "ci_link_block", "ci_link_term" })
        {
            await Execute(connection, transaction, "DELETE FROM " + table, cancellationToken).ConfigureAwait(false);
        }

        var saved = new SavedModel(model.M, model.U, model.Lambda, model.PriorWeight, [.. terms.Totals], BlockingKeys.Version);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_model", ["run_id", "saved_at", "model"],
            [[runId, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), JsonSerializer.Serialize(saved, Json)]], cancellationToken).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_record", RecordColumns, records.Select(RecordRowOf), cancellationToken).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_block", ["block_key", "record_key"],
            records.SelectMany(r => BlockingKeys.Of(new PreparedRecord(r, 0)).Distinct(StringComparer.Ordinal).Select(k => new object?[] { k, r.Key })), cancellationToken).ConfigureAwait(false);
        await StoreConnection.InsertAsync(connection, transaction, "ci_link_term", ["field", "term", "records"],
            terms.Entries().Where(e => e.Term.Length <= 100).Select(e => new object?[] { e.Field, e.Term, e.Count }), cancellationToken).ConfigureAwait(false);
        progress?.Report($"{records.Count:N0} records' blocking keys and the model saved for linking single records");
    }

    /// <summary>Rewrites a child's best-known demographics from its records; deletes it (and what is left of its relationships) when it has none.</summary>
    /// <returns>True when the child was deleted.</returns>
    private async Task<bool> RefreshChildAsync(DbConnection connection, DbTransaction transaction, string childId, bool isNew, DateOnly today, CancellationToken cancellationToken)
    {
        var records = (await connection.QueryAsync<RecordRow>(new CommandDefinition(
            RecordSelect + " FROM ci_record_link l JOIN ci_link_record r ON r.record_key = l.source_system || ':' || l.local_id WHERE l.child_id = @childId",
            new { childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToRecord()).ToList();
        var links = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM ci_record_link WHERE child_id = @childId", new { childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (links == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ci_child WHERE child_id = @childId", new { childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ci_relationship WHERE child_id = @childId", new { childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }

        if (links == 1)
        {
            // One record left: linked to no other, whatever linked it before.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ci_record_link SET match_method = 'SOLE_RECORD', match_confidence = 1, match_weight = NULL, match_evidence = NULL WHERE child_id = @childId",
                new { childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (records.Count == 0)
        {
            return false;
        }

        var who = BestKnownIdentity.Of(records);
        if (isNew)
        {
            await StoreConnection.InsertAsync(connection, transaction, "ci_child", ChildColumns,
                [[childId, who.Forename, who.MiddleName, who.Surname, who.Sex, _connection.Date(who.DateOfBirth), who.Postcode, who.NhsNumber, who.Upn, _connection.Date(today), null]], cancellationToken).ConfigureAwait(false);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ci_child SET forename = @Forename, middle_name = @MiddleName, surname = @Surname, sex = @Sex, dob = @dob, postcode = @Postcode, nhs_number = @NhsNumber, upn = @Upn WHERE child_id = @childId",
            new { who.Forename, who.MiddleName, who.Surname, who.Sex, dob = _connection.Date(who.DateOfBirth), who.Postcode, who.NhsNumber, who.Upn, childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return false;
    }

    private async Task<Dictionary<string, string>> ChildrenOfAsync(DbConnection db, DbTransaction transaction, List<(string Source, string LocalId)> records, CancellationToken cancellationToken)
    {
        var linkIds = records.Select(r => LinkId(r.Source + ":" + r.LocalId)).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.QueryAsync<(string Source, string LocalId, string ChildId)>(new CommandDefinition(
            "SELECT source_system, local_id, child_id FROM ci_record_link WHERE " + _connection.In("link_id", "linkIds"), new { linkIds = linkIds.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Source + ":" + r.LocalId, r => r.ChildId, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, List<string>>> MembersAsync(DbConnection db, DbTransaction transaction, List<string> childIds, CancellationToken cancellationToken)
    {
        if (childIds.Count == 0)
        {
            return new Dictionary<string, List<string>>(StringComparer.Ordinal);
        }

        var rows = await db.QueryAsync<(string ChildId, string Source, string LocalId)>(new CommandDefinition(
            "SELECT child_id, source_system, local_id FROM ci_record_link WHERE " + _connection.In("child_id", "childIds"), new { childIds = childIds.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.GroupBy(r => r.ChildId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Source + ":" + r.LocalId).ToList(), StringComparer.Ordinal);
    }

    /// <summary>A child id never given in this index (checked against the index, not read whole).</summary>
    private static async Task<string> NewChildIdAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        while (true)
        {
            var id = StableChildIds.NewId();
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM ci_child WHERE child_id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
            {
                return id;
            }
        }
    }

    private static object?[] RecordRowOf(LinkageRecord r) =>
        [r.Key, r.Source, r.LocalId, r.Forename, r.MiddleName, r.Surname, r.Sex?.ToString(), r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Postcode, r.NhsNumber, r.Upn];

    /// <summary>
    /// The model as a full run saves it: m and u per field and level, λ, the prior weight, the term-frequency totals,
    /// and the version of the blocking keys it saved (null from a run before keys were versioned).
    /// </summary>
    private sealed record SavedModel(double[][] M, double[][] U, double Lambda, double Prior, int[] Totals, string? Blocking = null);

    private sealed record RecordRow(string RecordKey, string SourceSystem, string LocalId, string? Forename, string? MiddleName, string? Surname, string? Sex, string? Dob, string? Postcode, string? NhsNumber, string? Upn)
    {
        public LinkageRecord ToRecord() => new(SourceSystem, LocalId, Forename, MiddleName, Surname, Sex is { Length: 1 } ? Sex[0] : null,
            Dob is null ? null : DateOnly.ParseExact(Dob, "yyyy-MM-dd", CultureInfo.InvariantCulture), Postcode, NhsNumber, Upn);
    }
}
