using ChildInfo.Linkage.Evaluation;
using ChildInfo.Linkage.Linking;
using ChildInfo.Linkage.Records;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Linkage.Store.Tests;

/// <summary>
/// The store on a real child index: a run is written whole (children with best-known demographics, one link per record
/// with method, weight and evidence, the review queue); a repeated run changes nothing; child ids survive a run that
/// adds records; a run that fails part-way leaves the previous index as it was; a record that moves to another child
/// takes its agency's relationships with it; reviewers' decisions are kept and respected. Once per provider.
/// </summary>
public abstract class LinkageStoreTests
{
    private static readonly Lazy<Population> People = new(() => Population.Generate(800, seed: 31));
    private static readonly Lazy<LinkageResult> FirstRun = new(() => new Linker().Run(People.Value.Records));

    protected abstract DatabaseProvider Provider { get; }

    private Task<StoreDatabase> NewIndexAsync(string name, bool withSchema = true) => StoreDatabase.CreateAsync(Provider, "link-store-" + name, withSchema);

    private static async Task<LinkageStore> StoreAsync(StoreDatabase database)
    {
        var store = new LinkageStore(database.Options);
        await store.EnsureCreatedAsync();
        return store;
    }

    [Fact]
    public async Task Write_AFreshIndex_EveryRecordLinkedOnceWithItsMethodAndEvidence()
    {
        var database = await NewIndexAsync("fresh");
        var store = await StoreAsync(database);

        var summary = await store.WriteAsync(FirstRun.Value, People.Value.Records, ["education", "early-years", "social-care", "voluntary-sector"]);

        Assert.Equal(FirstRun.Value.Clusters.Count, summary.Children);
        Assert.Equal(summary.Children, summary.NewChildren);
        var links = await database.QueryAsync<(string Source, string LocalId, string ChildId, string Method, decimal Confidence, string? Evidence)>(
            "SELECT source_system, local_id, child_id, match_method, match_confidence, match_evidence FROM ci_record_link");
        Assert.Equal(People.Value.Records.Count, links.Count);
        Assert.Equal(links.Count, links.Select(l => l.Source + ":" + l.LocalId).Distinct().Count());
        Assert.Contains(links, l => l.Method == "NHS_NUMBER");
        Assert.Contains(links, l => l.Method == "DEMOGRAPHIC" && l.Confidence < 1 && l.Evidence!.Contains("dateOfBirth", StringComparison.Ordinal));
        Assert.All(links.Where(l => l.Method == "SOLE_RECORD"), l => Assert.Null(l.Evidence));
        var children = await database.QueryAsync<string>("SELECT child_id FROM ci_child");
        Assert.Equal(summary.Children, children.Count);
        Assert.All(children, id => Assert.Matches("^CH-[0-9A-Z]{8}$", id));
        var stored = await store.ChildOfRecordsAsync();
        var quality = LinkageQuality.Measure(new LinkageResult
        {
            Clusters = [.. stored.GroupBy(s => s.Value).Select(g => (IReadOnlyList<string>)[.. g.Select(s => s.Key)])],
            Links = [],
            ReviewQueue = FirstRun.Value.ReviewQueue,
            Model = FirstRun.Value.Model,
            CandidatePairs = 0,
        }, People.Value.ChildOf);
        Assert.True(quality.Precision >= 0.995 && quality.Recall >= 0.98, $"precision {quality.Precision}, recall {quality.Recall}");
    }

    [Fact]
    public async Task Write_TheSameRunTwice_IsIdempotent()
    {
        var database = await NewIndexAsync("twice");
        var store = await StoreAsync(database);
        await store.WriteAsync(FirstRun.Value, People.Value.Records, ["education"]);
        var before = await store.ChildOfRecordsAsync();
        var childrenBefore = await database.QueryAsync<(string Id, string Forename, string Surname, string Postcode)>("SELECT child_id, forename, surname, postcode FROM ci_child ORDER BY child_id");

        var again = await store.WriteAsync(new Linker().Run(People.Value.Records, await store.ReviewDecisionsAsync()), People.Value.Records, ["education"]);

        Assert.Equal(0, again.NewChildren);
        Assert.Equal(0, again.MovedRecords);
        Assert.Equal(0, again.RemovedChildren);
        Assert.Equal(before.OrderBy(p => p.Key, StringComparer.Ordinal), (await store.ChildOfRecordsAsync()).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(childrenBefore, await database.QueryAsync<(string Id, string Forename, string Surname, string Postcode)>("SELECT child_id, forename, surname, postcode FROM ci_child ORDER BY child_id"));
    }

    [Fact]
    public async Task Write_ARunWithANewRecord_KeepsEveryOtherChildsId_AndLinksTheNewRecordToItsChild()
    {
        var database = await NewIndexAsync("stable");
        var store = await StoreAsync(database);
        var withoutOne = People.Value.Records.Where(r => r.Source != "voluntary-sector").ToList();
        await store.WriteAsync(new Linker().Run(withoutOne), withoutOne, ["education"]);
        var before = await store.ChildOfRecordsAsync();

        var summary = await store.WriteAsync(FirstRun.Value, People.Value.Records, ["education"]);

        var after = await store.ChildOfRecordsAsync();
        var kept = before.Count(p => after[p.Key] == p.Value);
        Assert.True(kept >= before.Count - 2, $"{before.Count - kept} of {before.Count} records changed child");
        Assert.True(summary.NewChildren < People.Value.Records.Count(r => r.Source == "voluntary-sector"), "most voluntary sector records joined an existing child");
    }

    [Fact]
    public async Task Write_CancelledPartWay_LeavesThePreviousIndexIntact()
    {
        var database = await NewIndexAsync("atomic");
        var store = await StoreAsync(database);
        await store.WriteAsync(FirstRun.Value, People.Value.Records, ["education"]);
        var before = await store.ChildOfRecordsAsync();
        var children = await database.QueryAsync<string>("SELECT child_id FROM ci_child ORDER BY child_id");
        using var cancel = new CancellationTokenSource();
        // Cancelled once the children are written and before the links are: the middle of the write.
        var progress = new SynchronousProgress(message =>
        {
            if (message.EndsWith("children written", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        });
        var fewer = People.Value.Records.Where(r => r.Source != "social-care").ToList();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteAsync(new Linker().Run(fewer), fewer, ["education"], progress, cancel.Token));

        Assert.Equal(before.OrderBy(p => p.Key, StringComparer.Ordinal), (await store.ChildOfRecordsAsync()).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(children, await database.QueryAsync<string>("SELECT child_id FROM ci_child ORDER BY child_id"));
    }

    [Fact]
    public async Task Write_ARecordThatMovesToAnotherChild_TakesItsAgencysRelationshipsWithIt()
    {
        var database = await NewIndexAsync("moves");
        var store = await StoreAsync(database);
        LinkageRecord school = new("education", "A100", "Maya", null, "Okafor", 'F', new DateOnly(2016, 4, 2), "NS1 2AB", "9990000018", "A100");
        LinkageRecord health = new("early-years", "EY1", "Maya", null, "Okafor", 'F', new DateOnly(2016, 4, 2), "NS1 2AB", "9990000018", null);
        LinkageRecord care = new("social-care", "SC1", "Maya", null, "Okafor", 'F', new DateOnly(2016, 4, 2), "NS1 2AB", "9990000018", null);
        var padding = People.Value.Records;
        await store.WriteAsync(new Linker().Run([.. padding, school, health, care]), [.. padding, school, health, care], ["education"]);
        var maya = (await store.ChildOfRecordsAsync())["social-care:SC1"];
        await database.ExecuteAsync("INSERT INTO ci_relationship (relationship_id, child_id, kind, holder_type, holder, source_system) VALUES ('r-care', @maya, 'caseload', 'user', 'sw-1', 'social-care'), ('r-school', @maya, 'school_roll', 'school', '100001', 'education')", new { maya });

        // Social care corrects its record: it was another child all along (a different NHS number, name and birthday).
        LinkageRecord corrected = new("social-care", "SC1", "Zara", null, "Bello", 'F', new DateOnly(2012, 9, 30), "NS9 9ZZ", "9990000026", null);
        var summary = await store.WriteAsync(new Linker().Run([.. padding, school, health, corrected]), [.. padding, school, health, corrected], ["education"]);

        var after = await store.ChildOfRecordsAsync();
        Assert.Equal(maya, after["education:A100"]);
        Assert.NotEqual(maya, after["social-care:SC1"]);
        Assert.Equal(1, summary.MovedRecords);
        Assert.Equal(1, summary.MovedRelationships);
        var relationships = await database.QueryAsync<(string Id, string ChildId)>("SELECT relationship_id, child_id FROM ci_relationship WHERE relationship_id IN ('r-care', 'r-school') ORDER BY relationship_id");
        Assert.Equal([("r-care", after["social-care:SC1"]), ("r-school", maya)], relationships);
    }

    [Fact]
    public async Task Decide_ReviewersDecisions_AreKeptAndRespectedByTheNextRun()
    {
        var database = await NewIndexAsync("review");
        var store = await StoreAsync(database);
        // Two records that agree on everything but the surname and have no identifier in common; with a link threshold
        // that nothing probabilistic reaches, a pair for review, linked only if a reviewer accepts it.
        var cautious = new LinkageOptions { LinkThreshold = 0.9999999, ReviewThreshold = 0.0001 };
        LinkageRecord school = new("education", "B200", "Tomasz", null, "Nowak", 'M', new DateOnly(2014, 1, 15), "NS3 7QT", null, "B200");
        LinkageRecord charity = new("voluntary-sector", "V9", "Tomasz", null, "Kowalski", 'M', new DateOnly(2014, 1, 15), "NS3 7QT", null, null);
        List<LinkageRecord> records = [.. People.Value.Records, school, charity];
        await store.WriteAsync(new Linker(cautious).Run(records), records, ["education"]);
        var candidate = (await store.ReviewQueueAsync()).FirstOrDefault(c => c.RecordA == "education:B200" && c.RecordB == "voluntary-sector:V9");
        Assert.NotNull(candidate);
        Assert.Contains(candidate.Evidence, e => e.Field == "surname");

        var decision = await store.DecideAsync(candidate.PairId, accepted: true, "reviewer-1", "Same child: surname changed on adoption (case note 17).");
        var next = new Linker(cautious).Run(records, await store.ReviewDecisionsAsync());
        await store.WriteAsync(next, records, ["education"]);

        Assert.Equal("reviewer-1", decision.Reviewer);
        var stored = Assert.Single(await store.DecisionsAsync());
        Assert.True(stored.Accepted);
        Assert.Equal("Same child: surname changed on adoption (case note 17).", stored.Reason);
        var after = await store.ChildOfRecordsAsync();
        Assert.Equal(after["education:B200"], after["voluntary-sector:V9"]);
        Assert.Equal("CLERICAL", (await database.QueryAsync<string>("SELECT match_method FROM ci_record_link WHERE local_id = 'V9'")).Single());
        Assert.DoesNotContain(await store.ReviewQueueAsync(), c => c.PairId == candidate.PairId);
    }

    [Theory]
    [InlineData("R-00000000")]
    [InlineData("education:nobody|social-care:nobody")]
    [InlineData("'; DROP TABLE ci_child; --")]
    public async Task Decide_APairNotWaitingForReview_IsAClearErrorAndRecordsNothing(string pair)
    {
        var database = await NewIndexAsync("unknown-pair");
        var store = await StoreAsync(database);

        var error = await Assert.ThrowsAsync<LinkageStoreException>(() => store.DecideAsync(pair, accepted: false, "reviewer-1", "not the same child"));

        Assert.Contains("link review", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.DecisionsAsync());
    }

    [Fact]
    public async Task Decide_WithoutAReason_IsAClearError()
    {
        var store = await StoreAsync(await NewIndexAsync("no-reason"));

        var error = await Assert.ThrowsAsync<LinkageStoreException>(() => store.DecideAsync("R-00000000", accepted: true, "reviewer-1", " "));

        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCreated_WithoutAChildIndex_SaysWhatToDo()
    {
        var database = await NewIndexAsync("no-index", withSchema: false);

        var error = await Assert.ThrowsAsync<LinkageStoreException>(() => new LinkageStore(database.Options).EnsureCreatedAsync());

        Assert.Contains("child index subgraph", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCreated_OnAnIndexFromBeforeTheLinkageColumns_AddsThem()
    {
        var database = await NewIndexAsync("old-index");
        await database.ExecuteAsync("DROP TABLE ci_record_link");
        await database.ExecuteAsync("CREATE TABLE ci_record_link (link_id VARCHAR(24) NOT NULL PRIMARY KEY, child_id VARCHAR(16) NOT NULL, source_system VARCHAR(30) NOT NULL, local_id VARCHAR(32) NOT NULL, match_method VARCHAR(20) NOT NULL, match_confidence DECIMAL(5,4) NOT NULL, linked_on DATE NOT NULL)");

        var store = await StoreAsync(database);
        await store.WriteAsync(FirstRun.Value, People.Value.Records, ["education"]);

        Assert.NotEmpty(await database.QueryAsync<string>("SELECT match_evidence FROM ci_record_link WHERE match_evidence IS NOT NULL"));
    }

    /// <summary>Reports on the caller's thread, so a test can act at an exact point of a write.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

public sealed class SqliteLinkageStoreTests : LinkageStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresLinkageStoreTests : LinkageStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
