using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Federation;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// What the endpoint learns about one request as it goes (who, why, what was asked, what policy withheld), turned into
/// exactly one audit record before the response is written. The variables are held only to read child ids passed to
/// lookups; they are never stored.
/// </summary>
public sealed class RequestAuditDraft(string requestId)
{
    public string RequestId { get; } = requestId;

    /// <summary>The authenticated user; null until identity provides one.</summary>
    public string? User { get; set; }

    /// <summary>The caller's role; null until identity provides one.</summary>
    public string? Role { get; set; }

    /// <summary>The caller's organisation; null until identity provides one.</summary>
    public string? Organisation { get; set; }

    public string? Purpose { get; set; }

    public string? Justification { get; set; }

    public bool BreakGlass { get; set; }

    public string? Query { get; set; }

    public string? OperationName { get; set; }

    public JsonElement? Variables { get; set; }

    /// <summary>
    /// What the engine made of the request, once it reached it: the record walks its parsed operation
    /// (<see cref="PrepareResult.Document"/>) rather than parsing <see cref="Query"/> again. Null for a request refused
    /// before the engine saw it.
    /// </summary>
    public PrepareResult? Prepared { get; set; }

    /// <summary>Fields the policy withheld from this request (recorded against every child it touched).</summary>
    public List<WithheldField> Withheld { get; } = [];

    /// <summary>Data-use preferences set aside by a purpose with a legal override.</summary>
    public List<PreferenceOverride> PreferenceOverrides { get; } = [];

    /// <summary>Set once the record is durable (or its failure answered): a request is recorded once.</summary>
    public bool Recorded { get; set; }
}
