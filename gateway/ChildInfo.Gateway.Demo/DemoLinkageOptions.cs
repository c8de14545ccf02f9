using ChildInfo.Gateway.Audit;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// What the demo's first linkage run needs from the gateway it will serve: the policies that decide whether the
/// linkage officer may read every agency, and the audit log the run is recorded in.
/// </summary>
public sealed record DemoLinkageOptions
{
    /// <summary>The policy set (the sample set beside the executable unless configured).</summary>
    public required string PolicyDirectory { get; init; }

    /// <summary>The audit log the run is recorded in, the one the demo's gateway then writes to.</summary>
    public required GatewayAuditOptions Audit { get; init; }

    /// <summary>The sample policy set beside the executable, which the demo serves unless configured otherwise.</summary>
    public static string SamplePolicies => Path.Combine(AppContext.BaseDirectory, "policies", "sample");

    /// <summary>The sample policies beside the executable and the folder's own SQLite audit log (<c>DIR/audit.db</c>).</summary>
    public static DemoLinkageOptions ForDataDirectory(string directory) => new()
    {
        PolicyDirectory = SamplePolicies,
        Audit = AuditConfiguration.Resolve(directory, "sqlite", null, null, _ => null).ToOptions(),
    };
}
