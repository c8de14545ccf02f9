using ChildInfo.Federation;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// The seam where purpose-based policies (<c>policies/ChildInfo.Policies</c>) decide on a request. The host asks it
/// to bind the request (caller, role, purpose) before preparing, which gives the plan-cache scope and the field
/// policy the planner applies; then for a decision on the planned operation before anything is executed.
/// </summary>
public interface IOperationAuthoriser
{
    /// <summary>Separates cached plans of callers whose policies differ; null shares one cache.</summary>
    string? ScopeKey(GatewayRequestContext context);

    /// <summary>Binds the request before planning. The default binds nobody and applies no field policy.</summary>
    ValueTask<RequestBinding> BindAsync(HttpContext http, GatewayRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RequestBinding.Allow(context, ScopeKey(context), null));

    ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken);
}
