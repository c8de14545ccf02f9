namespace ChildInfo.Gateway.Audit;

/// <summary>Decides whether the caller may read the audit (verification, per-child reports, the review queue).</summary>
public interface IAuditAccessCheck
{
    ValueTask<bool> MayReadAuditAsync(HttpContext http);
}
