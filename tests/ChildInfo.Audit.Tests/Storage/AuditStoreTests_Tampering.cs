using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Retention;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Tests.Kit;
using ChildInfo.Audit.Verification;

namespace ChildInfo.Audit.Tests.Storage;

/// <summary>
/// Someone with write access to the database but not the key: cutting the end of the log, emptying it, rolling it
/// back, forging heads, removing details outside retention, and changing the index children's reports are read from.
/// Each is reported by name; the writer refuses to append over the evidence.
/// </summary>
public abstract partial class AuditStoreTests
{
    /// <summary>Records 1..count, record i about child C-000i.</summary>
    private static async Task<IReadOnlyList<AuditRecord>> AppendForChildrenAsync(Fixture f, int count)
    {
        var records = new List<AuditRecord>();
        for (var i = 1; i <= count; i++)
        {
            records.Add(await f.Log.AppendAsync(Entries.Ordinary(i, $"C-{i:0000}")));
            f.Time.Advance(TimeSpan.FromMinutes(1));
        }
        return records;
    }

    private static async Task<AuditChainBreak> BreakOfAsync(Fixture f)
    {
        var result = await f.Verifier.VerifyAsync();
        Assert.False(result.IsIntact, "the tampering was not detected");
        return result.FirstBreak!;
    }

    private static Task RestoreHeadRowAsync(Fixture f, AuditHead head) =>
        f.ExecuteAsync("UPDATE audit_chain_head SET last_sequence = @Sequence, last_hash = @RecordHash, signed_at = @SignedAt, key_id = @KeyId, signature = @Signature",
            new { head.Sequence, head.RecordHash, SignedAt = AuditCanonicalForm.FormatTime(head.Time), head.KeyId, head.Signature });

    [Fact]
    public async Task Verify_TailRecordsDeletedWithTheirCheckpoint_ReportsTruncationFromTheSignedHead()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);

        await f.ExecuteAsync("DELETE FROM audit_record WHERE sequence >= 7");
        await f.ExecuteAsync("DELETE FROM audit_record_child WHERE sequence >= 7");
        await f.ExecuteAsync("DELETE FROM audit_checkpoint WHERE sequence >= 7");

        Assert.Equal(new AuditChainBreak(7, AuditBreakKind.TruncatedLog,
            "The log ends at record 6, but the signed head the database keeps vouches that record 10 was written: records 7 to 10 at least were removed from the end."),
            await BreakOfAsync(f));
        Assert.Equal(4, Assert.Single(await f.Store.ReadCheckpointsAsync()).Sequence);
    }

    [Fact]
    public async Task Verify_TailDeletedAndHeadRowRolledBackToAnEarlierGenuineHead_ReportsTruncationFromTheHeadFile()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 6);
        var earlier = (await f.Store.ReadHeadAsync())!.Signed!;
        await AppendForChildrenAsync(f, 4);

        await f.ExecuteAsync("DELETE FROM audit_record WHERE sequence > 6");
        await f.ExecuteAsync("DELETE FROM audit_record_child WHERE sequence > 6");
        await f.ExecuteAsync("DELETE FROM audit_checkpoint WHERE sequence > 6");
        await RestoreHeadRowAsync(f, earlier);

        Assert.Equal(new AuditChainBreak(7, AuditBreakKind.TruncatedLog,
            $"The log ends at record 6, but the signed head file '{f.HeadFile}' vouches that record 10 was written: records 7 to 10 at least were removed from the end."),
            await BreakOfAsync(f));
    }

    [Fact]
    public async Task Append_OntoAChainRolledBackBelowTheHeadFile_IsRefusedAndTheEvidenceKept()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 6);
        var earlier = (await f.Store.ReadHeadAsync())!.Signed!;
        await AppendForChildrenAsync(f, 4);
        await f.ExecuteAsync("DELETE FROM audit_record WHERE sequence > 6");
        await f.ExecuteAsync("DELETE FROM audit_record_child WHERE sequence > 6");
        await f.ExecuteAsync("DELETE FROM audit_checkpoint WHERE sequence > 6");
        await RestoreHeadRowAsync(f, earlier);
        // A gateway started afresh on the rolled-back database: it knows only what the head file says.
        await using var restarted = new AuditLog(f.Store, f.Options, f.Time);

        var refused = await Assert.ThrowsAsync<AuditWriteException>(() => restarted.AppendAsync(Entries.Ordinary(11)));

        Assert.Contains($"the head file '{f.HeadFile}' says record 10 was written: records were removed or the store was rolled back", refused.Message);
        Assert.Equal(6, await f.ScalarAsync("SELECT COUNT(*) FROM audit_record"));
        Assert.Equal(10, AuditHeadFile.Read(f.HeadFile).Head!.Sequence);
        Assert.Equal(AuditBreakKind.TruncatedLog, (await BreakOfAsync(f)).Kind);
    }

    [Fact]
    public async Task Verify_EverythingDeleted_ReportsEveryRecordRemoved()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);

        foreach (var table in new[] { "audit_record", "audit_record_child", "audit_checkpoint" })
        {
            await f.ExecuteAsync($"DELETE FROM {table}");
        }

        Assert.Equal(new AuditChainBreak(1, AuditBreakKind.TruncatedLog,
            "The log is empty, but the signed head the database keeps vouches that record 10 was written: every record was removed."),
            await BreakOfAsync(f));
    }

    [Theory]
    [InlineData("DELETE FROM audit_chain_head")]
    [InlineData("UPDATE audit_chain_head SET last_sequence = 0, last_hash = '0000000000000000000000000000000000000000000000000000000000000000', signed_at = NULL, key_id = NULL, signature = NULL")]
    public async Task Verify_EverythingDeletedAndTheHeadRowDeletedOrReset_ReportsTruncationFromTheHeadFile(string headRow)
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);

        foreach (var table in new[] { "audit_record", "audit_record_child", "audit_checkpoint" })
        {
            await f.ExecuteAsync($"DELETE FROM {table}");
        }

        await f.ExecuteAsync(headRow);

        Assert.Equal(new AuditChainBreak(1, AuditBreakKind.TruncatedLog,
            $"The log is empty, but the signed head file '{f.HeadFile}' vouches that record 10 was written: every record was removed."),
            await BreakOfAsync(f));
    }

    [Fact]
    public async Task Verify_HeadRowDeleted_ReportsTheHeadMissing_AndAppendsAreRefused()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);

        await f.ExecuteAsync("DELETE FROM audit_chain_head");

        Assert.Equal(new AuditChainBreak(11, AuditBreakKind.HeadMissing,
            "The signed head that the database keeps, and moves with every write, is missing: it was deleted, so the database alone can no longer show whether records were removed from the end."),
            await BreakOfAsync(f));
        Assert.StartsWith("The audit log's signed head fails its check (the log has 10 records): The signed head that the database keeps", (await f.Verifier.VerifyAsync()).Summary);
        var refused = await Assert.ThrowsAsync<AuditWriteException>(() => f.Log.AppendAsync(Entries.Ordinary(11)));
        Assert.Contains("head row is missing", refused.Message);
    }

    [Fact]
    public async Task Verify_HeadFileDeleted_ReportsTheHeadFileMissing_UntilTheWriterWritesItAgain()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);

        File.Delete(f.HeadFile);
        var broken = await BreakOfAsync(f);
        var quick = await f.Verifier.VerifyHeadAsync();
        f.Time.Advance(TimeSpan.FromSeconds(1)); // the writer looks whether its file is still there once a second
        await f.Log.AppendAsync(Entries.Ordinary(11));
        var afterNextWrite = await f.Verifier.VerifyAsync();

        Assert.Equal((11L, AuditBreakKind.HeadMissing), (broken.Sequence, broken.Kind));
        Assert.StartsWith($"The head file '{f.HeadFile}', which the gateway rewrites after every write to the log, is missing: it was deleted", broken.Explanation);
        Assert.Equal(broken, quick);
        Assert.True(afterNextWrite.IsIntact, afterNextWrite.Summary);
        Assert.Equal(11, AuditHeadFile.Read(f.HeadFile).Head!.Sequence);
    }

    [Fact]
    public async Task Verify_HeadFileSignedWithAnotherKey_ReportsIt_AndAppendsAreRefused()
    {
        await using var f = await NewAsync();
        var records = await AppendForChildrenAsync(f, 10);
        var other = new AuditCheckpointSigner(Entries.OtherKey, f.Options.CheckpointKeyId);

        File.Delete(f.HeadFile);
        using (var forged = new AuditHeadFile(f.HeadFile, other))
        {
            forged.Committed(other.SignHead(12, records[^1].RecordHash, f.Time.GetUtcNow()));
        }

        await using var restarted = new AuditLog(f.Store, f.Options, f.Time);

        Assert.Equal(new AuditChainBreak(11, AuditBreakKind.BadHeadSignature,
            $"The head file '{f.HeadFile}' is not genuine: its signature does not match the configured key: it was altered or forged, or the key was replaced."),
            await BreakOfAsync(f));
        var refused = await Assert.ThrowsAsync<AuditWriteException>(() => restarted.AppendAsync(Entries.Ordinary(11)));
        Assert.Contains("is not a head this gateway signed", refused.Message);
        Assert.Equal(10, await f.ScalarAsync("SELECT COUNT(*) FROM audit_record"));
    }

    [Fact]
    public async Task Verify_HeadRowSignedWithAnotherKey_ReportsIt_AndAppendsAreRefused()
    {
        await using var f = await NewAsync();
        var records = await AppendForChildrenAsync(f, 10);
        var other = new AuditCheckpointSigner(Entries.OtherKey, f.Options.CheckpointKeyId);

        // Records 9 and 10 cut, the head row moved back to 8 and signed with a key that is not the gateway's.
        await f.ExecuteAsync("DELETE FROM audit_record WHERE sequence > 8");
        await f.ExecuteAsync("DELETE FROM audit_record_child WHERE sequence > 8");
        await RestoreHeadRowAsync(f, other.SignHead(8, records[7].RecordHash, f.Time.GetUtcNow()));
        File.Delete(f.HeadFile);

        Assert.Equal(new AuditChainBreak(9, AuditBreakKind.BadHeadSignature,
            "The database's head (record 8) is not genuine: its signature does not match the configured key: it was altered or forged, or the key was replaced."),
            await BreakOfAsync(f));
        var refused = await Assert.ThrowsAsync<AuditWriteException>(() => f.Log.AppendAsync(Entries.Ordinary(11)));
        Assert.Contains("is not one this gateway signed", refused.Message);
    }

    [Fact]
    public async Task Verify_RecordAddedOutsideTheGateway_ReportsRecordsBeyondTheSignedHead()
    {
        await using var f = await NewAsync();
        var records = await AppendForChildrenAsync(f, 10);

        // A well-formed, correctly chained record 11: only the head, which needs the key, gives it away.
        var forged = records[^1] with { Sequence = 11, RequestId = "req-forged", User = "someone.else", PreviousHash = records[^1].RecordHash };
        forged = forged with { RecordHash = AuditCanonicalForm.RecordHash(forged) };
        await f.ExecuteAsync(AuditRow.Insert, AuditRow.From(forged));
        await f.ExecuteAsync("INSERT INTO audit_record_child (child_id, sequence) VALUES ('C-0010', 11)");

        Assert.Equal(new AuditChainBreak(11, AuditBreakKind.UnanchoredRecords,
            "Record 11 comes after record 10, the last one the gateway signed a head for: it was added to the log by something other than the gateway."),
            await BreakOfAsync(f));
    }

    [Fact]
    public async Task Verify_HeadFileOneBatchBehind_AsAfterAKill_IsIntact_AndTheNextWriteMovesItOn()
    {
        await using var f = await NewAsync();
        var records = await AppendForChildrenAsync(f, 10);

        // Killed after record 10's commit and before its head file was written: the file still names record 9.
        File.Delete(f.HeadFile);
        using (var lagging = new AuditHeadFile(f.HeadFile, f.Signer))
        {
            lagging.Committed(f.Signer.SignHead(9, records[8].RecordHash, records[8].Time));
        }

        var behind = await f.Verifier.VerifyAsync();
        await using var restarted = new AuditLog(f.Store, f.Options, f.Time);
        await restarted.AppendAsync(Entries.Ordinary(11));

        Assert.True(behind.IsIntact, behind.Summary);
        Assert.Null(await f.Verifier.VerifyHeadAsync());
        Assert.Equal(11, AuditHeadFile.Read(f.HeadFile).Head!.Sequence);
        Assert.True((await f.Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Verify_PayloadRemovedWithoutRetention_ReportsTheDetailsRemovedByOtherMeans()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);

        await f.ExecuteAsync("UPDATE audit_record SET payload = NULL, redacted_at = recorded_at WHERE sequence = 5");

        Assert.Equal(new AuditChainBreak(5, AuditBreakKind.RemovedWithoutRetention,
            "The details of record 5 (the reason given, the operation, what was shown and withheld) were removed, but no retention run removed them: retention signs what it removes, so these were deleted by other means."),
            await BreakOfAsync(f));
    }

    [Fact]
    public async Task Verify_UnderRetention_RemovedDetailsPass_ButARecordRetentionDidNotReachIsReported()
    {
        var options = Entries.Options(retention: TimeSpan.FromDays(30));
        await using var f = await NewAsync(options);
        await AppendForChildrenAsync(f, 5);
        f.Time.Advance(TimeSpan.FromDays(31));
        await AppendForChildrenAsync(f, 5);
        Assert.Equal(5, await new AuditRetention(f.Store, options, f.Time).ApplyAsync());
        var retained = await f.Verifier.VerifyAsync();

        await f.ExecuteAsync("UPDATE audit_record SET payload = NULL WHERE sequence = 7");

        Assert.True(retained.IsIntact, retained.Summary);
        Assert.Equal(5, retained.RedactedRecords);
        var broken = await BreakOfAsync(f);
        Assert.Equal((7L, AuditBreakKind.RemovedWithoutRetention), (broken.Sequence, broken.Kind));
    }

    [Fact]
    public async Task Verify_ForgedRetentionStatement_DoesNotExcuseRemovedDetails_AndIsItselfReported()
    {
        await using var f = await NewAsync();
        var records = await AppendForChildrenAsync(f, 10);
        var other = new AuditCheckpointSigner(Entries.OtherKey, f.Options.CheckpointKeyId);
        var forged = other.SignRedaction(10, records[^1].RecordHash, f.Time.GetUtcNow(), f.Time.GetUtcNow());
        await f.ExecuteAsync(SqlAuditStore.InsertRedaction, new
        {
            forged.ThroughSequence,
            forged.ThroughHash,
            RecordedBefore = AuditCanonicalForm.FormatTime(forged.RecordedBefore),
            RedactedAt = AuditCanonicalForm.FormatTime(forged.RedactedAt),
            forged.KeyId,
            forged.Signature,
        });

        var statementAlone = await BreakOfAsync(f);
        await f.ExecuteAsync("UPDATE audit_record SET payload = NULL WHERE sequence = 3");
        var withRemovedDetails = await BreakOfAsync(f);

        Assert.Equal((10L, AuditBreakKind.BadRetentionSignature), (statementAlone.Sequence, statementAlone.Kind));
        Assert.Contains("A retention statement claiming that the details of records up to 10 were removed is not genuine", statementAlone.Explanation);
        Assert.Equal((3L, AuditBreakKind.RemovedWithoutRetention), (withRemovedDetails.Sequence, withRemovedDetails.Kind));
    }

    [Theory]
    [InlineData("DELETE FROM audit_record_child WHERE sequence = 5", 5, "Record 5 says it touched child C-0005, but the index that children's access reports are read from does not list it against that record: C-0005's report would leave this access out.")]
    [InlineData("UPDATE audit_record_child SET child_id = 'C-9999' WHERE sequence = 5", 5, "Record 5 says it touched child C-0005, but the index")]
    [InlineData("UPDATE audit_record_child SET sequence = 6 WHERE sequence = 5", 5, "Record 5 says it touched child C-0005, but the index")]
    [InlineData("INSERT INTO audit_record_child (child_id, sequence) VALUES ('C-9999', 5)", 5, "The index that children's access reports are read from lists child C-9999 against record 5, which did not touch that child: C-9999's report would show an access that did not happen.")]
    [InlineData("INSERT INTO audit_record_child (child_id, sequence) VALUES ('C-0001', 99)", 99, "lists child C-0001 against record 99, which is not in the log")]
    public async Task Verify_ChildIndexChanged_ReportsTheRecordAndChild_AndRebuildingRestoresEveryChildsReport(string tamper, long sequence, string explanation)
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);

        await f.ExecuteAsync(tamper);
        var broken = await BreakOfAsync(f);
        var chainAlone = await f.Verifier.VerifyAsync(checkChildIndex: false);
        var rows = await f.Store.RebuildChildIndexAsync();
        var repaired = await f.Verifier.VerifyAsync();

        Assert.Equal((sequence, AuditBreakKind.ChildIndexMismatch), (broken.Sequence, broken.Kind));
        Assert.Contains(explanation, broken.Explanation);
        Assert.True(chainAlone.IsIntact, chainAlone.Summary);
        Assert.Equal(10, rows);
        Assert.True(repaired.IsIntact, repaired.Summary);
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal([(long)i], (await f.Store.ReadByChildAsync($"C-{i:0000}", Start)).Select(r => r.Sequence));
        }

        Assert.Empty(await f.Store.ReadByChildAsync("C-9999", Start));
    }

    [Fact]
    public async Task VerifyHead_OnAnIntactLogAndAfterTheTailWasCut()
    {
        await using var f = await NewAsync();
        await AppendForChildrenAsync(f, 10);
        var intact = await f.Verifier.VerifyHeadAsync();

        await f.ExecuteAsync("DELETE FROM audit_record WHERE sequence > 8");

        var cut = await f.Verifier.VerifyHeadAsync();

        Assert.Null(intact);
        Assert.Equal((9L, AuditBreakKind.TruncatedLog), (cut!.Sequence, cut.Kind));
    }
}
