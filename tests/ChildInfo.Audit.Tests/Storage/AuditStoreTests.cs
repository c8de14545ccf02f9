using System.Data.Common;
using System.Diagnostics;
using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Retention;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Tests.Kit;
using ChildInfo.Audit.Transparency;
using ChildInfo.Audit.Verification;
using ChildInfo.Testing;
using Dapper;

namespace ChildInfo.Audit.Tests.Storage;

/// <summary>The audit log end to end against each real database: append, verify, tamper, load, report, retain.</summary>
public abstract partial class AuditStoreTests : IAsyncDisposable
{
    protected static readonly DateTimeOffset Start = new(2025, 3, 3, 14, 5, 0, TimeSpan.Zero);

    /// <summary>This test's own folder (head files, SQLite databases), deleted when the test ends, failed or not.</summary>
    protected TempFolder Temp { get; } = TempFolder.Create("childinfo-audit-");

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Temp.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A store over a new, empty database, and a way to reach that database directly (to tamper with it).</summary>
    protected abstract Task<(IAuditStore Store, Func<DbConnection> Connect)> NewStoreAsync();

    /// <summary>A log over a new database, its head file in a folder of its own.</summary>
    private sealed record Fixture(IAuditStore Store, Func<DbConnection> Connect, ManualTimeProvider Time, AuditLog Log, AuditOptions Options) : IAsyncDisposable
    {
        public AuditVerifier Verifier => Log.CreateVerifier();

        public string HeadFile => Options.HeadFile!;

        public AuditCheckpointSigner Signer => new(Options.CheckpointKey, Options.CheckpointKeyId);

        public async Task<int> ExecuteAsync(string sql, object? parameters = null)
        {
            await using var connection = Connect();
            await connection.OpenAsync();
            return await connection.ExecuteAsync(sql, parameters);
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using var connection = Connect();
            await connection.OpenAsync();
            return await connection.ExecuteScalarAsync<long>(sql);
        }

        public ValueTask DisposeAsync() => Log.DisposeAsync();
    }

    private async Task<Fixture> NewAsync(AuditOptions? options = null)
    {
        var (store, connect) = await NewStoreAsync();
        await store.EnsureCreatedAsync();
        await store.EnsureCreatedAsync();
        var time = new ManualTimeProvider(Start);
        options ??= Entries.Options();
        options = options with { HeadFile = options.HeadFile ?? Temp.Combine($"audit-{Guid.NewGuid():N}.head") };
        return new Fixture(store, connect, time, new AuditLog(store, options, time), options);
    }

    private static async Task AppendAsync(Fixture f, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await f.Log.AppendAsync(Entries.Ordinary(i));
            f.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task Append_ThenVerify_ChainIsIntactAndRecordsReadBack()
    {
        await using var f = await NewAsync();

        var first = await f.Log.AppendAsync(Entries.Ordinary(1));
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(f, 9);
        var result = await f.Verifier.VerifyAsync();

        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(10, result.RecordsChecked);
        Assert.Equal(2, result.CheckpointsChecked);
        Assert.Equal(10, result.HeadSequence);
        Assert.Equal("The audit log is intact: 10 records checked (0 with details removed under retention), 2 signed checkpoints confirmed, signed head at record 10 confirmed in the database and in the head file.", result.Summary);
        var stored = (await f.Store.ReadAsync(0, 1))[0];
        Assert.Equal(first.RecordHash, stored.RecordHash);
        Assert.Equal(Start, stored.Time);
        Assert.Equal(first.PayloadJson, stored.PayloadJson);
        Assert.Equal(["C-0001"], stored.ChildIds);
        Assert.Equal(AuditOutcome.Partial, stored.Outcome);
        Assert.Equal("PREFERENCE_WITHHELD", stored.Payload!.Children[0].Withheld[0].Code);
    }

    [Fact]
    public async Task Append_AnAggregateQuestion_KeepsItsReleaseInTheChain_AndNamesNoChild()
    {
        await using var f = await NewAsync();
        var release = new AggregateRelease("children where social-care.cp_plan as at 2026-09-01 by age_band", ["social-care"], 11, 4);
        await f.Log.AppendAsync(Entries.Aggregate(1, release));
        await AppendAsync(f, 3);

        var stored = (await f.Store.ReadAsync(0, 1))[0];
        Assert.Equal(release.Question, stored.Payload!.Aggregate!.Question);
        Assert.Equal(["social-care"], stored.Payload.Aggregate.Agencies);
        Assert.Equal((11, 4), (stored.Payload.Aggregate.CellsReleased, stored.Payload.Aggregate.CellsSuppressed));
        Assert.Empty(stored.ChildIds);
        Assert.Null((await f.Store.ReadAsync(1, 1))[0].Payload!.Aggregate);
        Assert.True((await f.Verifier.VerifyAsync()).IsIntact);

        await f.ExecuteAsync("UPDATE audit_record SET payload = REPLACE(payload, '\"suppressed\":4', '\"suppressed\":0') WHERE sequence = 1");
        var tampered = await f.Verifier.VerifyAsync();
        Assert.False(tampered.IsIntact);
    }

    [Theory]
    [InlineData("request_id", "'req-forged'")]
    [InlineData("recorded_at", "'2020-01-01T00:00:00.0000000Z'")]
    [InlineData("user_id", "'someone.else'")]
    [InlineData("role", "'teacher'")]
    [InlineData("organisation", "'Another Council'")]
    [InlineData("purpose", "'early_help'")]
    [InlineData("child_ids", "'[\"C-9999\"]'")]
    [InlineData("break_glass", "1")]
    [InlineData("preference_overridden", "1")]
    [InlineData("outcome", "'ok'")]
    [InlineData("operation_hash", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'")]
    [InlineData("payload", "REPLACE(payload, 'S47', 'S17')")]
    [InlineData("payload", "REPLACE(payload, 'attendance\"', 'health\"')")]
    [InlineData("payload", "REPLACE(payload, 'PREFERENCE_WITHHELD', 'LABEL_DENIED')")]
    [InlineData("payload_digest", "'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'")]
    [InlineData("previous_hash", "'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc'")]
    [InlineData("record_hash", "'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd'")]
    public async Task Verify_AnyFieldAltered_ReportsThatRecord(string column, string newValue)
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 10);

        await f.ExecuteAsync($"UPDATE audit_record SET {column} = {newValue} WHERE sequence = 5");
        var result = await f.Verifier.VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(5, result.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.AlteredRecord, result.FirstBreak.Kind);
        Assert.Contains("record 5", result.FirstBreak.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, result.RecordsChecked);
    }

    [Fact]
    public async Task Verify_RecordDeleted_ReportsTheMissingSequence()
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 10);

        await f.ExecuteAsync("DELETE FROM audit_record WHERE sequence = 6");
        var result = await f.Verifier.VerifyAsync();

        Assert.Equal(new AuditChainBreak(6, AuditBreakKind.MissingRecord, "Record 6 is missing: the log goes from record 5 straight to record 7."), result.FirstBreak);
    }

    [Fact]
    public async Task Verify_TwoRecordsSwapped_ReportsTheFirstAsOutOfPlace()
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 10);

        await f.ExecuteAsync("UPDATE audit_record SET sequence = -1 WHERE sequence = 3");
        await f.ExecuteAsync("UPDATE audit_record SET sequence = 3 WHERE sequence = 7");
        await f.ExecuteAsync("UPDATE audit_record SET sequence = 7 WHERE sequence = -1");
        var result = await f.Verifier.VerifyAsync();

        Assert.Equal(3, result.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.ReorderedRecords, result.FirstBreak.Kind);
        Assert.Contains("Records 3 and 7 have been swapped", result.FirstBreak.Explanation);
    }

    [Fact]
    public async Task Verify_RecordRewrittenAndRehashed_ReportsTheBrokenLinkAfterIt()
    {
        await using var f = await NewAsync(Entries.Options(checkpointInterval: 1000));
        await AppendAsync(f, 10);

        var original = (await f.Store.ReadAsync(4, 1))[0];
        var forged = original with { User = "someone.else" };
        forged = forged with { RecordHash = AuditCanonicalForm.RecordHash(forged) };
        await f.ExecuteAsync($"UPDATE audit_record SET user_id = 'someone.else', record_hash = '{forged.RecordHash}' WHERE sequence = 5");
        var result = await f.Verifier.VerifyAsync();

        Assert.Equal(6, result.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.BrokenLink, result.FirstBreak.Kind);
        Assert.Contains("record 5 was rewritten", result.FirstBreak.Explanation);
    }

    [Fact]
    public async Task Verify_TailRebuiltWithoutTheKey_ReportsTheCheckpointThatNoLongerMatches()
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 10);

        var records = await f.Store.ReadAsync(0, 100);
        var previous = records[4].PreviousHash;
        foreach (var record in records.Skip(4))
        {
            var forged = record with { User = record.Sequence == 5 ? "someone.else" : record.User, PreviousHash = previous };
            forged = forged with { RecordHash = AuditCanonicalForm.RecordHash(forged) };
            await f.ExecuteAsync($"UPDATE audit_record SET user_id = '{forged.User}', previous_hash = '{forged.PreviousHash}', record_hash = '{forged.RecordHash}' WHERE sequence = {record.Sequence}");
            previous = forged.RecordHash;
        }
        var result = await f.Verifier.VerifyAsync();

        Assert.Equal(8, result.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.CheckpointMismatch, result.FirstBreak.Kind);
    }

    [Fact]
    public async Task Verify_CheckpointSignatureAltered_ReportsIt()
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 10);

        await f.ExecuteAsync("UPDATE audit_checkpoint SET signature = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' WHERE sequence = 8");
        var result = await f.Verifier.VerifyAsync();

        Assert.Equal(8, result.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.BadCheckpointSignature, result.FirstBreak.Kind);
        Assert.Equal(1, result.CheckpointsChecked);
    }

    [Fact]
    public async Task Verify_RecordsCutFromTheEnd_ReportsTruncationFromTheSignedHead()
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 10);

        await f.ExecuteAsync("DELETE FROM audit_record WHERE sequence >= 8");
        var result = await f.Verifier.VerifyAsync();

        Assert.Equal(8, result.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.TruncatedLog, result.FirstBreak.Kind);
        Assert.Equal("The log ends at record 7, but the signed head the database keeps vouches that record 10 was written: records 8 to 10 at least were removed from the end.", result.FirstBreak.Explanation);
    }

    [Fact]
    public async Task Append_50ClientsTimes200_LeavesExactly10000RecordsInOneVerifiableChain()
    {
        await using var f = await NewAsync(Entries.Options(checkpointInterval: 1000));
        const int clients = 50, each = 200;

        var clock = Stopwatch.StartNew();
        var appended = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = new List<long>(each);
            for (var i = 0; i < each; i++)
            {
                mine.Add((await f.Log.AppendAsync(Entries.Ordinary(c * each + i, $"C-{c:0000}"))).Sequence);
            }

            return mine;
        })));
        clock.Stop();
        var result = await f.Verifier.VerifyAsync();

        TestContext.Current.TestOutputHelper?.WriteLine($"{GetType().Name}: {clients * each} appends from {clients} clients in {clock.Elapsed.TotalSeconds:0.00} s = {clients * each / clock.Elapsed.TotalSeconds:0} records/s, {f.Log.BatchesWritten} transactions");
        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(10_000, result.RecordsChecked);
        Assert.Equal(10, result.CheckpointsChecked);
        Assert.Equal(10_000, await f.ScalarAsync("SELECT COUNT(*) FROM audit_record"));
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), appended.SelectMany(s => s).Order());
        Assert.All(appended, mine => Assert.Equal(mine.Order(), mine));
    }

    [Fact]
    public async Task Append_TwoReplicasSharingOneDatabase_KeepOneLinearChain()
    {
        await using var f = await NewAsync();
        await using var replica = new AuditLog(f.Store, Entries.Options(), f.Time);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(c => Task.Run(async () =>
        {
            var log = c % 2 == 0 ? f.Log : replica;
            for (var i = 0; i < 25; i++)
            {
                await log.AppendAsync(Entries.Ordinary(i));
            }
        })));
        var result = await f.Verifier.VerifyAsync();

        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(500, result.RecordsChecked);
    }

    [Fact]
    public async Task Append_StoreFails_SurfacesAsAuditWriteExceptionAndWritesNothing()
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 3);

        await f.ExecuteAsync("DROP TABLE audit_checkpoint");
        var failures = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Assert.ThrowsAsync<AuditWriteException>(() => f.Log.AppendAsync(Entries.Ordinary(i)))));

        Assert.All(failures, e => Assert.NotNull(e.InnerException));
        Assert.Equal(3, await f.ScalarAsync("SELECT COUNT(*) FROM audit_record"));
        Assert.Equal(3, await f.ScalarAsync("SELECT last_sequence FROM audit_chain_head"));
    }

    [Fact]
    public async Task Append_AfterAFailedAppend_ContinuesTheChainOnceTheStoreIsWritableAgain()
    {
        await using var f = await NewAsync();
        await AppendAsync(f, 3);
        await f.ExecuteAsync("DROP TABLE audit_checkpoint");
        await Assert.ThrowsAsync<AuditWriteException>(() => f.Log.AppendAsync(Entries.Ordinary(4)));

        await f.Store.EnsureCreatedAsync();
        var records = await Task.WhenAll(Enumerable.Range(4, 6).Select(i => f.Log.AppendAsync(Entries.Ordinary(i))));
        var result = await f.Verifier.VerifyAsync();

        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(9, result.RecordsChecked);
        Assert.Equal(2, result.CheckpointsChecked);
        Assert.Equal([4L, 5L, 6L, 7L, 8L, 9L], records.Select(r => r.Sequence).Order());
    }

    [Fact]
    public async Task Dispose_WritesEverythingQueued_ThenRefusesAppends()
    {
        var f = await NewAsync();
        var queued = Enumerable.Range(1, 40).Select(i => f.Log.AppendAsync(Entries.Ordinary(i))).ToList();

        await f.Log.DisposeAsync();

        Assert.All(queued, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(40, await f.ScalarAsync("SELECT COUNT(*) FROM audit_record"));
        await Assert.ThrowsAsync<AuditWriteException>(() => f.Log.AppendAsync(Entries.Ordinary(41)));
        Assert.True((await f.Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Report_ForAChild_SaysWhoSawWhatWhenAndWhyInPlainEnglish()
    {
        await using var f = await NewAsync();
        var transparency = new AuditTransparency(f.Store, f.Time);
        await f.Log.AppendAsync(Entries.Ordinary(0) with { Organisation = "Old Service" });
        f.Time.Advance(TimeSpan.FromDays(400));
        await f.Log.AppendAsync(Entries.Ordinary(1));
        f.Time.Advance(TimeSpan.FromDays(2));
        await f.Log.AppendAsync(Entries.Ordinary(2) with { Organisation = "Northshire Primary School", Role = "teacher", Purpose = "education_welfare", Justification = null, Outcome = AuditOutcome.Ok });
        await f.Log.AppendAsync(Entries.Ordinary(3, "C-0002"));
        await f.Log.AppendAsync(Entries.Ordinary(4) with { Purpose = "research", Outcome = AuditOutcome.Denied, Children = [new ChildDisclosure("C-0001", [], [])] });
        await f.Log.AppendAsync(Entries.Ordinary(5) with
        {
            BreakGlass = true,
            Justification = "Child missing overnight, police request",
            PreferenceOverrides = [new PreferenceOverride("C-0001", "do not share my youth-worker notes with school", "child protection overrides recorded preferences")],
        });
        f.Time.Advance(TimeSpan.FromHours(1));

        var report = await transparency.ReportForChildAsync("C-0001");
        var text = report.ToText();

        Assert.Equal(4, report.Accesses.Count);
        Assert.Equal(3, report.Summary.Viewed);
        Assert.Equal(
            "Your information was viewed 3 times in the last year, by these organisations: Northshire Children's Services (twice); Northshire Primary School (once), " +
            "for these reasons: to keep you safe from harm (child protection) (twice); to support your school attendance and education (once). " +
            "Once it was an emergency access, checked afterwards by the data protection officer. One more request was refused, failed or found nothing of yours to show, so nothing was shown.",
            report.Summary.ToText());
        Assert.Contains("j.smith (a social worker at Northshire Children's Services) looked at your information to keep you safe from harm (child protection).", text);
        Assert.Contains("The reason they gave: \"S47 enquiry, case 1234\".", text);
        Assert.Contains("They saw: details that identify you, such as your name and date of birth (from the council's list of children it knows); your school attendance (from school records).", text);
        Assert.Contains("They were not shown what you have said about your views, wishes and feelings (from community and voluntary organisations' records), because you or your family asked for it not to be shared for this reason.", text);
        Assert.Contains("asked to see your information for research (counts only, not about you alone). This was refused, and nothing was shown.", text);
        Assert.Contains("Your wish \"do not share my youth-worker notes with school\" was set aside", text);
        Assert.Contains("emergency access (sometimes called \"break-glass\")", text);
        Assert.DoesNotContain("Old Service", text);
        Assert.DoesNotContain("PREFERENCE_WITHHELD", text);
        Assert.DoesNotContain("C-0002", text);
    }

    [Fact]
    public async Task ReviewQueue_ListsBreakGlassAndOverridesWithTheirJustification()
    {
        await using var f = await NewAsync();
        var transparency = new AuditTransparency(f.Store, f.Time);
        await f.Log.AppendAsync(Entries.Ordinary(1));
        await f.Log.AppendAsync(Entries.Ordinary(2) with { BreakGlass = true, Justification = "A&E attendance, out of hours" });
        await f.Log.AppendAsync(Entries.Ordinary(3));
        await f.Log.AppendAsync(Entries.Ordinary(4) with { PreferenceOverrides = [new PreferenceOverride("C-0001", "no sharing with school", "section 47 enquiry")] });

        var queue = await transparency.ReviewQueueAsync();
        var after = await transparency.ReviewQueueAsync(afterSequence: 2);

        Assert.Equal([2L, 4L], queue.Select(q => q.Sequence));
        Assert.True(queue[0].BreakGlass);
        Assert.Equal("A&E attendance, out of hours", queue[0].Justification);
        Assert.Contains("justification: \"A&E attendance, out of hours\"", queue[0].ToText());
        Assert.Equal("no sharing with school", Assert.Single(queue[1].Overrides).Preference);
        Assert.Contains("preference \"no sharing with school\" of C-0001 set aside: section 47 enquiry", queue[1].ToText());
        Assert.Equal([4L], after.Select(q => q.Sequence));
    }

    [Fact]
    public async Task Retention_RemovesOldPayloads_ChainStillVerifiesAndStillDetectsTampering()
    {
        var options = Entries.Options(retention: TimeSpan.FromDays(30));
        await using var f = await NewAsync(options);
        await AppendAsync(f, 5);
        f.Time.Advance(TimeSpan.FromDays(31));
        await AppendAsync(f, 5);
        var retention = new AuditRetention(f.Store, options, f.Time);

        Assert.Equal(5, await retention.ApplyAsync());
        Assert.Equal(0, await retention.ApplyAsync());
        var records = await f.Store.ReadAsync(0, 100);
        var verified = await f.Verifier.VerifyAsync();
        var report = (await new AuditTransparency(f.Store, f.Time).ReportForChildAsync("C-0001")).ToText();

        Assert.True(verified.IsIntact, verified.Summary);
        Assert.Equal(5, verified.RedactedRecords);
        var statement = Assert.Single(await f.Store.ReadRedactionsAsync());
        Assert.Equal((5L, records[4].RecordHash, f.Time.GetUtcNow()), (statement.ThroughSequence, statement.ThroughHash, statement.RedactedAt));
        Assert.True(f.Signer.IsGenuine(statement));
        Assert.All(records.Take(5), r => Assert.True(r.IsRedacted && r.OperationText is null && r.Justification is null && r.RedactedAt == f.Time.GetUtcNow()));
        Assert.All(records.Skip(5), r => Assert.False(r.IsRedacted));
        Assert.Equal(["C-0001"], records[0].ChildIds);
        Assert.Contains("were deleted on", report);
        Assert.Contains("viewed 10 times", report);

        await f.ExecuteAsync("UPDATE audit_record SET purpose = 'research' WHERE sequence = 2");
        Assert.Equal((2, AuditBreakKind.AlteredRecord), await BreakAsync(f));
        await f.ExecuteAsync("UPDATE audit_record SET purpose = 'child_protection' WHERE sequence = 2");
        await f.ExecuteAsync("UPDATE audit_record SET payload = REPLACE(payload, 'S47', 'S17') WHERE sequence = 7");
        Assert.Equal((7, AuditBreakKind.AlteredRecord), await BreakAsync(f));

        static async Task<(long, AuditBreakKind)> BreakAsync(Fixture f)
        {
            var broken = (await f.Verifier.VerifyAsync()).FirstBreak!;
            return (broken.Sequence, broken.Kind);
        }
    }
}
