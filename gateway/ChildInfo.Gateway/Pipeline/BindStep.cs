using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Revisions;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>
/// Binds a request to its caller (the token the authentication middleware validated), role, declared purpose and
/// policy scope on the request's revision: the one step every endpoint that serves children's data takes the same
/// way (<c>/graphql</c>, <c>/analytics/graphql</c>, the linkage API), whatever it does after.
/// </summary>
public static class BindStep
{
    /// <summary>The binding; a refusal says why in <see cref="RequestBinding.Errors"/> (answer it with <see cref="Refusal"/>).</summary>
    public static async Task<RequestBinding> RunAsync(HttpContext http, CallerDeclaration declaration, GatewayRequestContext context, GatewayRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var authoriser = http.RequestServices.GetRequiredService<IOperationAuthoriser>();
        var authentication = await CallerAuthentication.OfAsync(http).ConfigureAwait(false);
        return await authoriser.BindAsync(authentication, declaration, context, revision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A refused binding as a GraphQL request error, challenging for a token where one was missing or invalid.</summary>
    public static Answer Refusal(RequestBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var refused = Answer.RequestError(binding.Status, binding.Errors);
        return binding.Challenge is { } challenge ? refused.WithHeader("WWW-Authenticate", challenge) : refused;
    }
}
