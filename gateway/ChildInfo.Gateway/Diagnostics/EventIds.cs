namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// Every event id the gateway logs with, in one place, so that operators can alert on an id and an id never means two
/// things. Ranges by area: 1xxx requests, 2xxx subgraphs, 3xxx registry, 4xxx audit, 5xxx rate limits, 6xxx
/// telemetry. Log lines carry ids, names, codes and counts: never a field value, a variable, a justification's text or
/// anything else a caller sent (the log-leak tests hold every line to that).
/// </summary>
public static class EventIds
{
    public const int RequestFailed = 1001;
    public const int RequestCompleted = 1002;

    public const int SubgraphNotAnswering = 2001;
    public const int SubgraphAnswering = 2002;
    public const int SubgraphCircuitOpened = 2003;

    public const int RegistryChangeApplied = 3001;
    public const int RegistryFollowed = 3002;
    public const int RegistryRevisionDoesNotBuild = 3003;
    public const int RegistryStoreUnavailable = 3004;
    public const int RegistryNotPrepared = 3005;
    public const int PlansWarmed = 3006;
    public const int PlansWarmedAtStart = 3007;
    public const int RecentOperationsUnreadable = 3008;
    public const int RecentOperationsUnsaved = 3009;

    public const int AuditRecordNotWritten = 4001;
    public const int AuditStoreUnavailableAtStart = 4002;
    public const int AuditRetentionApplied = 4003;
    public const int AuditRetentionFailed = 4004;
    public const int AuditHeadBroken = 4005;
    public const int AuditRecordsNotNamed = 4006;

    public const int RateLimitUnchecked = 5001;

    public const int MetricsScrapeRefused = 6001;
}
