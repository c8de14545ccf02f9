using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Tests.Kit;

/// <summary>Audit entries as the gateway would write them, for tests.</summary>
public static class Entries
{
    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    /// <summary>Another key under the same name: what someone without the real key would sign with.</summary>
    public static readonly byte[] OtherKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    public static AuditOptions Options(int checkpointInterval = 4, TimeSpan? retention = null, string? headFile = null) =>
        new() { CheckpointKey = Key, CheckpointKeyId = "test-key", CheckpointInterval = checkpointInterval, RetentionPeriod = retention, HeadFile = headFile };

    public static AuditEntry Ordinary(int n, string child = "C-0001") => new()
    {
        RequestId = $"req-{n}",
        User = "j.smith",
        Role = "social_worker",
        Organisation = "Northshire Children's Services",
        Purpose = "child_protection",
        Justification = "S47 enquiry, case 1234",
        OperationText = "query Child($id: ID!) {\n  child(id: $id) {\n    name\n    attendance { percent }\n  }\n}",
        Children =
        [
            new ChildDisclosure(child,
                [new DisclosedField("Child.name", "identifying", "child_index"), new DisclosedField("Pupil.attendance", "attendance", "education")],
                [new WithheldField("Engagement.notes", "voice", "voluntary_sector", "PREFERENCE_WITHHELD", "The family asked that youth-worker notes are not shared with school.")]),
        ],
        Outcome = AuditOutcome.Partial,
    };

    /// <summary>An analyst's aggregate question: recorded against the analyst and purpose, with no child.</summary>
    public static AuditEntry Aggregate(int n, AggregateRelease release) => new()
    {
        RequestId = $"req-{n}",
        User = "a.analyst",
        Role = "la_analyst",
        Organisation = "Northshire Children's Services",
        Purpose = "service_planning",
        OperationText = "query { cohortTable(question: $q) { csv } }",
        Aggregate = release,
        Outcome = AuditOutcome.Ok,
    };
}
