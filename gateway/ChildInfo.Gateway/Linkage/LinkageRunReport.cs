namespace ChildInfo.Gateway.Linkage;

/// <summary>What one run read, decided and wrote, in figures only (no child, no record).</summary>
/// <param name="RecordsByAgency">Records read from each agency.</param>
/// <param name="LinksByMethod">Record links in the index after the run, by the index's method words (NHS_NUMBER, UPN, DEMOGRAPHIC, CLERICAL, SOLE_RECORD).</param>
public sealed record LinkageRunReport(
    string RunId,
    IReadOnlyDictionary<string, int> RecordsByAgency,
    int Records,
    long CandidatePairs,
    int Children,
    int NewChildren,
    int RemovedChildren,
    int MovedRecords,
    int MovedRelationships,
    int Review,
    IReadOnlyDictionary<string, int> LinksByMethod,
    double ReadSeconds,
    double LinkSeconds,
    double WriteSeconds);
