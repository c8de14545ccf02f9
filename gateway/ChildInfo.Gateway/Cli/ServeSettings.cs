namespace ChildInfo.Gateway.Cli;

/// <summary>
/// The settings of <c>childinfo serve</c> under the section <c>ChildInfo</c> that are read before the gateway starts
/// (the others, such as <c>ChildInfo:SubgraphCalls</c> and <c>ChildInfo:Telemetry</c>, are read by the host).
/// Checked by <see cref="ServeSettingsValidator"/> before anything starts.
/// </summary>
public sealed class ServeSettings
{
    public const string Section = "ChildInfo";

    /// <summary>The policy folder; null: the sample set beside the executable.</summary>
    public string? Policies { get; set; }

    /// <summary>
    /// The key that signs each subgraph call's request context (base64, at least 256 bits; each subgraph's
    /// <c>Subgraph__ContextKey</c>); null: a fresh key per start, which only the embedded demo's subgraphs can know.
    /// </summary>
    public string? ContextKey { get; set; }

    /// <summary>
    /// The subgraph that decides record scope and alone may hand the gateway keys to other subgraphs' records; null:
    /// <c>child-index</c>.
    /// </summary>
    public string? ScopeAuthority { get; set; }

    /// <summary>A StackExchange.Redis configuration string: the registry and rate limits are shared there; null: local.</summary>
    public string? Redis { get; set; }

    public RateLimitSettings RateLimit { get; set; } = new();

    public AuditSettings Audit { get; set; } = new();

    public AnalyticsSettings Analytics { get; set; } = new();

    public LinkageSettings Linkage { get; set; } = new();
}
