using ChildInfo.Federation;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// The seam where purpose-based policies (<c>policies/ChildInfo.Policies</c>) decide on a request. The host asks it
/// for a plan-cache scope before preparing (callers whose plans may differ get different scopes), and for a decision
/// on the validated operation before anything is executed.
/// </summary>
public interface IOperationAuthoriser
{
    /// <summary>Separates cached plans of callers whose policies differ; null shares one cache.</summary>
    string? ScopeKey(GatewayRequestContext context);

    ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken);
}
