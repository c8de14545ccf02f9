namespace ChildInfo.Linkage.Store;

/// <summary>What the child index holds now: links by method, pairs waiting for review, decisions, and the last run.</summary>
public sealed record LinkageStoreStats(
    IReadOnlyDictionary<string, int> LinksByMethod,
    int Children,
    int ReviewPairs,
    int Decisions,
    LinkageRunRecord? LastRun);

/// <summary>One run as recorded.</summary>
public sealed record LinkageRunRecord(string RunId, DateTimeOffset FinishedAt, IReadOnlyList<string> Agencies, int Records, int Children, int Links, int Review, int NewChildren, int MovedRecords);
