using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ChildInfo.Gateway.Audit;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Where the audit chain is kept (<c>ChildInfo:Audit</c>). Each setting may also be given by its older environment
/// variable (<c>CHILDINFO_AUDIT_STORE</c>, <c>_CONNECTION</c>, <c>_KEY_FILE</c>, <c>_HEAD_FILE</c>,
/// <c>_RETENTION_DAYS</c>); with neither, the SQLite file, key and head file in the <c>--data</c> folder.
/// </summary>
public sealed class AuditSettings
{
    /// <summary><c>sqlite</c>, <c>postgres</c> or <c>sqlserver</c>.</summary>
    [RegularExpression("(?i)^(sqlite|postgres|postgresql|sqlserver)$", ErrorMessage = "ChildInfo:Audit:Store must be sqlite, postgres or sqlserver.")]
    public string? Store { get; set; }

    /// <summary>The SQLite file, or the database server's connection string.</summary>
    public string? Connection { get; set; }

    /// <summary>The checkpoint key file (generated when missing).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The signed head file outside the database.</summary>
    public string? HeadFile { get; set; }

    [Range(1, 36_500, ErrorMessage = "ChildInfo:Audit:RetentionDays must be a whole number of days from 1 to 36500.")]
    public int? RetentionDays { get; set; }

    /// <summary>
    /// The audit store these settings name, as <c>serve</c> opens it: each setting here first, then its older
    /// variable from <paramref name="configuration"/>, then the defaults in <paramref name="dataDirectory"/>. One
    /// method so that the demo's first linkage run is audited into the same log the gateway then writes.
    /// </summary>
    public AuditConfiguration Resolve(string dataDirectory, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Older(string name) => name == AuditConfiguration.RetentionVariable && RetentionDays is { } days
            ? days.ToString(CultureInfo.InvariantCulture)
            : configuration[name] is { Length: > 0 } value ? value : null;
        return AuditConfiguration.Resolve(dataDirectory, Store, Connection, KeyFile, Older, HeadFile);
    }
}
