using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Tests.Kit;
using ChildInfo.Testing;

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

    /// <summary>
    /// Canonical form v1 pinned: these digests and hashes were computed by the sealer before it wrote the canonical JSON
    /// into a reused buffer and hashed its bytes directly (non-ASCII text, escaped characters, unsorted children, a
    /// withheld field without source, an override), so stored chains still verify.
    /// </summary>
    [Fact]
    public void Seal_KnownEntry_GivesTheHashesOfCanonicalFormV1()
    {
        var entry = new AuditEntry
        {
            RequestId = "req-1", User = "j.smith", Role = "social_worker", Organisation = "Northshire Children's Services", Purpose = "child_protection",
            Justification = "S47 enquiry, case 1234 \u2013 Zo\u00eb said \"<not at home>\" \U0001F642",
            OperationText = "query Child($id: ID!) {\n  child(id: $id) {\n    name\n    attendance { percent }\n  }\n}",
            Children =
            [
                new ChildDisclosure("C-0002", [new DisclosedField("Child.name", "identifying", "child_index")], []),
                new ChildDisclosure("C-0001", [new DisclosedField("Child.name", "identifying", "child_index"), new DisclosedField("Pupil.attendance", "attendance", "education")],
                    [new WithheldField("Engagement.notes", "voice", null, "PREFERENCE_WITHHELD", "The family asked \u2013 Zo\u00eb's notes.")]),
            ],
            PreferenceOverrides = [new PreferenceOverride("C-0003", "no school", "child protection")],
            BreakGlass = true,
            Outcome = AuditOutcome.Partial,
        };

        var records = Sealer(new ManualTimeProvider(Start)).Seal(ChainHead.Empty, [entry, entry with { RequestId = "req-2" }]).Records;

        Assert.Equal("273f180344c7511207b45b4a8609c21197c87ab270ef03fb75f5366ea7c72fbe", records[0].PayloadDigest);
        Assert.Equal("8bd51c22d08ca0d05ca350e73a0b6c17b98d3fc944d4c3aa56dd88aa28b808d9", records[0].OperationHash);
        Assert.Equal("f625f30ce733ebc26e3e5f731cf532c3dee0d71288a0e3a33493751016296e68", records[0].RecordHash);
        Assert.Equal("afed35968956ef516475fa3a96060344252f75cec25616036087a3865416f71f", records[1].RecordHash);
        Assert.All(records, r => Assert.Equal(AuditHashes.Sha256(r.PayloadJson!), r.PayloadDigest));
        Assert.All(records, r => Assert.Equal(AuditHashes.Sha256(AuditCanonicalForm.Header(r)), r.RecordHash));
        Assert.Equal(records[0].PayloadJson, AuditCanonicalForm.PayloadJson(records[0].Payload!));
    }

    [Fact]
    public void Seal_ManyDistinctOperationTexts_EachNormalisedAndHashedAsOnItsOwn()
    {
        var sealer = Sealer(new ManualTimeProvider(Start));
        var texts = Enumerable.Range(0, 600).Select(i => $"query Q{i % 300} {{ child(id: \"C-{i % 300}\") {{ name }} }}").ToList();

        var records = sealer.Seal(ChainHead.Empty, [.. texts.Select(t => Entries.Ordinary(1) with { OperationText = t })]).Records;

        Assert.All(records.Zip(texts), p =>
        {
            Assert.Equal(OperationText.Normalise(p.Second), p.First.OperationText);
            Assert.Equal(OperationText.Hash(OperationText.Normalise(p.Second)), p.First.OperationHash);
        });
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
    public void Seal_SignsTheNewHead_AsAHeadNotACheckpoint()
    {
        var signer = new AuditCheckpointSigner(Entries.Key, "k");
        var batch = new AuditSealer(new ManualTimeProvider(Start), signer, 100).Seal(ChainHead.Empty, [.. Enumerable.Range(1, 3).Select(i => Entries.Ordinary(i))]);

        Assert.Equal((3L, batch.Records[^1].RecordHash, Start), (batch.Head.Sequence, batch.Head.RecordHash, batch.Head.Time));
        Assert.True(signer.IsGenuine(batch.Head));
        Assert.False(signer.IsGenuine(batch.Head with { Sequence = 4 }));
        Assert.False(signer.IsGenuine(new AuditCheckpoint(3, batch.Head.RecordHash, Start, "k", batch.Head.Signature)));
        Assert.False(new AuditCheckpointSigner(Entries.OtherKey, "k").IsGenuine(batch.Head));
    }

    [Fact]
    public void WhyNotGenuine_SaysWhetherTheKeyIsAnotherOrTheSameNameReplaced()
    {
        var signer = new AuditCheckpointSigner(Entries.Key, "audit");

        Assert.Equal("it is signed with key 'old', not the configured key 'audit'", signer.WhyNotGenuine("old"));
        Assert.Equal("its signature does not match the configured key: it was altered or forged, or the key was replaced", signer.WhyNotGenuine("audit"));
    }

    [Fact]
    public void Seal_OnAHeadSignedWithAnotherKey_IsRefused()
    {
        var head = new ChainHead(1, new string('a', 64)) { Signed = new AuditCheckpointSigner(Entries.OtherKey, "k").SignHead(1, new string('a', 64), Start) };

        var refused = Assert.Throws<InvalidOperationException>(() => Sealer(new ManualTimeProvider(Start)).Seal(head, [Entries.Ordinary(2)]));

        Assert.Contains("The chain head in the audit store (record 1) is not one this gateway signed", refused.Message);
    }

    [Fact]
    public void Options_WithShortKey_AreRefusedInPlainWords()
    {
        var errors = (Entries.Options() with { CheckpointKey = [1, 2, 3], CheckpointInterval = 0 }).Validate();

        Assert.Contains("Audit:CheckpointKey must be at least 32 bytes.", errors);
        Assert.Contains("Audit:CheckpointInterval must be at least 1.", errors);
        Assert.Throws<ArgumentException>(() => new AuditLog(new ChildInfo.Audit.Storage.SqliteAuditStore(Path.Combine(Path.GetTempPath(), "never-opened.db")), Entries.Options() with { CheckpointKey = [1] }, TimeProvider.System));
    }

    [Fact]
    public void PayloadJson_WithARecording_ReadsBackWithIt_AndWithoutOne_HasNoRecordedKey()
    {
        var plain = new ChildDisclosure("CH-1", [new DisclosedField("Child.surname", "identifying", "child-index")], []);
        var recorded = plain with { Recorded = [new RecordedField("Mutation.recordDataUseWish", "preference", "social-care", Written: true)] };

        var withJson = AuditCanonicalForm.PayloadJson(new AuditPayload(null, "mutation", [recorded], []));
        var withoutJson = AuditCanonicalForm.PayloadJson(new AuditPayload(null, "query", [plain], []));

        Assert.Equal(recorded.Recorded, Assert.Single(AuditCanonicalForm.ReadPayload(withJson)!.Children).Recorded);
        // Records with no recording keep the canonical form they always had, so their hashes are unchanged.
        Assert.DoesNotContain("recorded", withoutJson, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(AuditCanonicalForm.ReadPayload(withoutJson)!.Children).Recorded);
    }

    [Fact]
    public void PayloadJson_WithFieldsSentBetweenServices_ReadsBackWithThem_AndWithoutAny_HasNoSentKey()
    {
        var plain = new ChildDisclosure("CH-1", [new DisclosedField("Pupil.riskBand", "sen", "risk")], []);
        var sent = plain with { Sent = [new SentField("Pupil.fsmEligible", "fsm", "education", "risk")] };

        var withJson = AuditCanonicalForm.PayloadJson(new AuditPayload(null, "query", [sent], []));
        var withoutJson = AuditCanonicalForm.PayloadJson(new AuditPayload(null, "query", [plain], []));

        Assert.Equal(sent.Sent, Assert.Single(AuditCanonicalForm.ReadPayload(withJson)!.Children).Sent);
        Assert.NotEqual(withJson, withoutJson);
        // Records with nothing sent keep the canonical form they always had, so their hashes are unchanged.
        Assert.DoesNotContain("sent", withoutJson, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(AuditCanonicalForm.ReadPayload(withoutJson)!.Children).Sent);
    }

    [Fact]
    public void Seal_KeepsWhatWasSentBetweenServices_InTheSealedPayload()
    {
        var entry = Entries.Ordinary(1) with
        {
            Children = [new ChildDisclosure("CH-1", [], []) { Sent = [new SentField("Pupil.ethnicity", "special_category", "education", "risk")] }],
        };

        var sealedRecord = Assert.Single(Sealer(new ManualTimeProvider(Start)).Seal(ChainHead.Empty, [entry]).Records);

        Assert.Equal("risk", Assert.Single(Assert.Single(sealedRecord.Payload!.Children).Sent).SentTo);
    }
}
