using ChildInfo.Federation;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Allows every operation and shows plans on request: the behaviour until policy enforcement lands. Policies
/// replace this registration; nothing else in the host changes.
/// </summary>
public sealed class OpenAuthoriser : IOperationAuthoriser
{
    public string? ScopeKey(GatewayRequestContext context) => null;

    public ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AuthorisationDecision.Allow(mayShowPlan: true));
}
