using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Tests.Kit;

namespace ChildInfo.Audit.Tests.Chain;

public sealed class AuditSealerTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 14, 5, 0, TimeSpan.Zero);

    private static AuditSealer Sealer(TimeProvider time, int interval = 2) => new(time, new AuditCheckpointSigner(Entries.Key, "k"), interval);

    [Fact]
    public void Seal_SameEntriesAndTime_GivesSameHashes()
    {
        var first = Sealer(new ManualTimeProvider(Start)).Seal(ChainHead.Empty, [Entries.Ordinary(1), Entries.Ordinary(2)]);
        var again = Sealer(new ManualTimeProvider(Start)).Seal(ChainHead.Empty, [Entries.Ordinary(1), Entries.Ordinary(2)]);

        Assert.Equal(first.Records.Select(r => r.RecordHash), again.Records.Select(r => r.RecordHash));
        Assert.Equal(AuditHashes.Genesis, first.Records[0].PreviousHash);
        Assert.Equal(first.Records[0].RecordHash, first.Records[1].PreviousHash);
        Assert.Equal(2, first.Records[1].Sequence);
        Assert.Equal(Start, first.Records[0].Time);
    }

    [Fact]
    public void Seal_ChildOrder_DoesNotChangeHash()
    {
        var entry = Entries.Ordinary(1) with { Children = [.. Entries.Ordinary(1, "C-2").Children, .. Entries.Ordinary(1, "C-1").Children] };
        var reversed = entry with { Children = [.. entry.Children.Reverse()] };

        var a = Sealer(new ManualTimeProvider(Start)).Seal(ChainHead.Empty, [entry]).Records[0];
        var b = Sealer(new ManualTimeProvider(Start)).Seal(ChainHead.Empty, [reversed]).Records[0];

        Assert.Equal(a.RecordHash, b.RecordHash);
        Assert.Equal(["C-1", "C-2"], a.ChildIds);
    }

    [Fact]
    public void Seal_StoresNormalisedOperationAndItsHash_NeverVariables()
    {
        var record = Sealer(new ManualTimeProvider(Start)).Seal(ChainHead.Empty, [Entries.Ordinary(1)]).Records[0];

        Assert.Equal("query Child($id:ID!){child(id:$id){name attendance{percent}}}", record.OperationText);
        Assert.Equal(OperationText.Hash(record.OperationText!), record.OperationHash);
        Assert.Equal(AuditHashes.Sha256(record.PayloadJson!), record.PayloadDigest);
        Assert.Equal("S47 enquiry, case 1234", record.Justification);
    }

    [Fact]
    public void Seal_EveryNthRecord_GetsAGenuineCheckpoint()
    {
        var signer = new AuditCheckpointSigner(Entries.Key, "k");
        var batch = new AuditSealer(new ManualTimeProvider(Start), signer, 2).Seal(new ChainHead(1, new string('a', 64)), [.. Enumerable.Range(2, 5).Select(i => Entries.Ordinary(i))]);

        Assert.Equal([2L, 4L, 6L], batch.Checkpoints.Select(c => c.Sequence));
        Assert.All(batch.Checkpoints, c => Assert.True(signer.IsGenuine(c)));
        Assert.False(signer.IsGenuine(batch.Checkpoints[0] with { Sequence = 3 }));
        Assert.False(new AuditCheckpointSigner([.. Entries.Key.Reverse()], "k").IsGenuine(batch.Checkpoints[0]));
    }

    [Fact]
    public void Options_WithShortKey_AreRefusedInPlainWords()
    {
        var errors = (Entries.Options() with { CheckpointKey = [1, 2, 3], CheckpointInterval = 0 }).Validate();

        Assert.Contains("Audit:CheckpointKey must be at least 32 bytes.", errors);
        Assert.Contains("Audit:CheckpointInterval must be at least 1.", errors);
        Assert.Throws<ArgumentException>(() => new AuditLog(new ChildInfo.Audit.Storage.SqliteAuditStore(Path.Combine(Path.GetTempPath(), "never-opened.db")), Entries.Options() with { CheckpointKey = [1] }, TimeProvider.System));
    }
}
