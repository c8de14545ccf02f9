using ChildInfo.Federation;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Revisions;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// The seam where purpose-based policies (<c>policies/ChildInfo.Policies</c>) decide on a request. The pipeline asks it
/// to bind the request (caller, role, purpose) before preparing, which gives the plan-cache scope and the field
/// policy the planner applies; then for a decision on the planned operation before anything is executed. It sees
/// what authentication and the caller's declaration gave, never the HTTP request.
/// </summary>
public interface IOperationAuthoriser
{
    /// <summary>Separates cached plans of callers whose policies differ; null shares one cache.</summary>
    string? ScopeKey(GatewayRequestContext context);

    /// <summary>
    /// Binds the request before planning, on the revision it runs on. The default binds nobody and applies no field
    /// policy.
    /// </summary>
    /// <param name="authentication">What authentication made of the bearer token.</param>
    /// <param name="declaration">What the caller declared (purpose, justification, role, break-glass, strict).</param>
    /// <param name="context">The request's context so far: its id, purpose and justification.</param>
    /// <param name="revision">The supergraph and policies the whole request runs on.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    ValueTask<RequestBinding> BindAsync(CallerAuthentication authentication, CallerDeclaration declaration, GatewayRequestContext context, GatewayRevision revision, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RequestBinding.Allow(context, ScopeKey(context), null));

    ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken);
}
